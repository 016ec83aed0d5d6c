"""The analysis view: the dashboard and the charts, with the period and owner filter."""
