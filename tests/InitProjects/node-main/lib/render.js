exports.render = () => "status: all systems go\n";
