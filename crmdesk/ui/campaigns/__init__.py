"""Campaigns (市场活动): the list with the numbers behind each ROI, the campaign dialog, the targets."""
