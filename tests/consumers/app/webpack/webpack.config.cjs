// The webpack 5 consumer's build: production mode, defaults otherwise (top-level await and `new URL(…, import.meta.url)` assets are webpack 5 defaults).
module.exports = {
  mode: "production",
  entry: "./src/index.js",
  output: { path: `${__dirname}/dist`, filename: "main.js", publicPath: "auto", clean: true },
};
