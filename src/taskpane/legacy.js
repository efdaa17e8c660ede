// Runs before the bundle, in any webview: Office 2016/2019 open add-ins in Internet Explorer's
// (Trident) or old Edge's webview, where the sidebar cannot run. Plain ES5 on purpose.
(function () {
  var ua = navigator.userAgent;
  if (!/Trident\/|MSIE |Edge\/\d/.test(ua)) return;
  window.nianbaoUnsupported = true;
  document.addEventListener('DOMContentLoaded', function () {
    var root = document.getElementById('root');
    if (!root) return;
    root.innerHTML =
      '<div style="padding:16px;font-size:14px;line-height:1.7">' +
      '<h1 style="font-size:16px;margin:0 0 8px">这个版本的 Office 无法运行年报校验加载项</h1>' +
      '<p>年报校验加载项需要 Microsoft 365 或 Office 2021 及以上版本的 Excel（或 Excel 网页版）。' +
      '您的 Office 是 2016 或 2019 版，不能运行它。</p>' +
      '<p>可以改用：</p><ul>' +
      '<li><b>年报校验网页版</b>：一个离线网页（年报校验.html），用任何新版浏览器打开，选中年报的 Excel 文件即可校验，不联网、不上传；</li>' +
      '<li><b>WPS 表格加载项</b>：在 WPS 表格中使用同样的侧边栏。</li></ul>' +
      '<p>请向单位的信息化管理员索取。</p></div>';
  });
})();
