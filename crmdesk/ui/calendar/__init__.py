"""The follow-up calendar: a month grid and a week agenda of follow-ups, birthdays and anniversaries."""
