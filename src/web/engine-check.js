// Runs before the bundle, in any browser: the page needs a browser engine of 2022 or later
// (Chromium 98, Firefox 104). An older one (the 兼容模式 of 360 or 奇安信, an old WPS) would leave a
// blank page or fail in English: it is told so in Chinese instead, with the message the page's
// #root carries in data-old-engine. Plain ES5 on purpose.
(function () {
  var modern =
    typeof Array.prototype.findLast === 'function' &&
    typeof Array.prototype.at === 'function' &&
    typeof Object.hasOwn === 'function' &&
    typeof String.prototype.replaceAll === 'function' &&
    typeof window.structuredClone === 'function';
  if (modern) return;
  window.nianbaoUnsupported = true;
  var show = function () {
    var root = document.getElementById('root');
    if (!root) return;
    var p = document.createElement('p');
    p.style.cssText = 'padding:16px;font-size:14px;line-height:1.7;max-width:40em';
    p.appendChild(document.createTextNode(root.getAttribute('data-old-engine') || ''));
    root.appendChild(p);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
  else show();
})();
