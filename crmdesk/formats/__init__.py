"""Foreign file formats: spreadsheets and CSV read as raw cells, xlsx/CSV/vCard written safely."""
