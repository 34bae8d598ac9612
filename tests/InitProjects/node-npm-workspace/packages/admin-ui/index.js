module.exports = "admin";
