// The benchmark payloads: a valid and an invalid (~4 errors) request of each DTO.
export const PAYLOADS = {
  OnceOffPaymentRequest: {
    valid: {
      Segment: "Retail", FirstName: "Thandi", LastName: "Mokoena", Address: "12 Long Street", City: "Cape Town",
      Region: "Western Cape", Suburb: "Gardens", PostalCode: "8001", MobileNumber: "+27821234567",
      Email: "thandi@example.co.za", IdNumber: "8001015009087", PassportNumber: "A1234567", InvoiceNumber: "INV-2026-0042",
      DebtDate: "2026-10-31", AmountOutstanding: 1050.49, CurrenciesId: 1, ChannelsId: 3,
      DebtMeta: { source: "import", batch: "7" }, CustomersMeta: { tier: "gold" },
      UrlToDocument: "https://billing.example.co.za/invoices/INV-2026-0042.pdf", CustomerUniqueIdentifier: "CUST-0001",
    },
    // ~4 errors: Email, AmountOutstanding (scale), CurrenciesId (> 0), UrlToDocument.
    invalid: {
      Segment: "Retail", FirstName: "Thandi", LastName: "Mokoena", Email: "thandi.example.co.za", InvoiceNumber: "INV-1",
      AmountOutstanding: 1050.495, CurrenciesId: 0, ChannelsId: 3, UrlToDocument: "javascript:alert(1)",
    },
  },
  CreatePaymentRequest: {
    valid: { organisationId: "org-1", salaryPackageId: "sp-9", amount: 100, gstAmount: 13.04, particulars: "Oct", budgetCategory: "Travel" },
    invalid: { amount: -1, gstAmount: 1.234, particulars: {}, budgetCategory: [] },
  },
  RecordPaymentBindingModel: {
    valid: { accountCode: "HSMM1113", contractId: 7, paymentRef: "4BC3FDH1KL", paymentValue: 1050.49, paymentSuccessful: true, message: "Successful payment!", paymentType: null, upfrontPayment: false, LoyaltyPointsToUse: null },
    invalid: { accountCode: "   ", contractId: 0, paymentValue: 0, paymentSuccessful: "maybe" },
  },
  FinancePaymentLogRequest: {
    valid: { process: "renewal", action: "charge", order_id: "A-17", external_payment_id: 991, amount: -12.34, email: "payer@example.com", pushed_to_gl: true, current_status_date: "2026-11-21T09:30:00Z" },
    invalid: { external_payment_id: "x", amount: 1.001, email: "nope", current_status_date: "2023-02-29" },
  },
};
