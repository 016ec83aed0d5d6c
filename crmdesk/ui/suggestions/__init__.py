"""Cross-selling suggestions (交叉销售): the customers to offer a product, the products to offer a customer."""
