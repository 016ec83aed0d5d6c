"""Charts: matplotlib Figures on a Qt canvas, drawn from services.reports data."""
