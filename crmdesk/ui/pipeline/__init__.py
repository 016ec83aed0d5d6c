"""The sales pipeline: the board of opportunities by stage, the funnel, the stage settings."""
