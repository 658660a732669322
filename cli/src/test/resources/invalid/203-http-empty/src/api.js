exports.main = async () => ({ statusCode: 200 });
