"""Two demo marketing campaigns (市场活动), so the campaigns window has return to show.

An SMS thank-you to the A and B customers before 双十一, and a trade fair in
the east; each reaches part of its targets within a few days of its start.
services.demo replays them through the campaigns service.

One ``random.Random`` seeded from ``seed``; ``today`` is a parameter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

from crmdesk.demo_data.draws import _range
from crmdesk.domain.campaigns import Campaign, CampaignChannel, TargetFilter
from crmdesk.domain.tiers import Tier


@dataclass(frozen=True)
class DemoCampaign:
    campaign: Campaign  # new, its targets chosen by its filter
    reached_share: float  # of the targets, how many were reached
    reach_days: int  # within this many days of the start


def demo_campaigns(today: date) -> list[DemoCampaign]:
    sms_start = today - timedelta(days=40)
    fair_start = today - timedelta(days=75)
    return [
        DemoCampaign(Campaign(
            "双十一老客户回馈短信", CampaignChannel.SMS, sms_start, sms_start + timedelta(days=10),
            cost=120_000, window_days=30, target_filter=TargetFilter(tiers=(Tier.A, Tier.B)),
            note="VIP 与主要客户：运费九折券"), 0.8, 3),
        DemoCampaign(Campaign(
            "华东物流装备展", CampaignChannel.TRADE_FAIR, fair_start, fair_start + timedelta(days=2),
            cost=1_800_000, window_days=60, target_filter=TargetFilter(regions=("上海", "江苏", "浙江")),
            note="展位、资料与差旅"), 0.35, 2),
    ]


def reached_days(campaign: DemoCampaign, customer_ids: Sequence[int], seed: int) -> dict[int, date]:
    """Which targets were reached, and on which day."""
    rng = Random(f"campaign-{campaign.campaign.name}-{seed}")
    return {cid: campaign.campaign.start_date + timedelta(days=_range(rng, 0, campaign.reach_days))
            for cid in customer_ids if rng.random() < campaign.reached_share}
