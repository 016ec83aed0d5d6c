"""Statement of account (对账单): the printable document and the dialog that shows it."""
