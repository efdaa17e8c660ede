'use strict';
// Only office-addin-debugging's dependencies ask for keytar, to keep Microsoft 365 sign-ins; nianbao
// signs in nowhere. Each call fails plainly, so no caller takes a stored secret for granted.
const refuse = () =>
  Promise.reject(new Error('keytar is not installed in nianbao (no credentials are stored)'));
module.exports = {
  getPassword: refuse,
  setPassword: refuse,
  deletePassword: refuse,
  findPassword: refuse,
  findCredentials: refuse,
};
