// Consumer: a module Web Worker (import maps do not reach workers, so it names the file). The
// handler is set at once and imports the package on first use: a message sent while a static
// import (with the package's top-level await) was still loading could arrive before any handler.
self.onmessage = async (event) => {
  const { validate } = await import("/node_modules/payrules/index.js");
  self.postMessage(validate("CreatePaymentRequest", event.data));
};
