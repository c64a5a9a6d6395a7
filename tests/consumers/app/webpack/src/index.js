// Consumer: an app bundled by webpack 5, importing the package by name.
import { validate, dtoNames } from "payrules";

document.body.dataset.result = JSON.stringify(validate("CreatePaymentRequest", { amount: "10", gstAmount: 12 }));
document.body.dataset.names = dtoNames().join(",");
