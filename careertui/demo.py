"""A realistic sample career: a product manager aiming for Director of Product.

Deterministic for a given ``today`` and ``seed``, so screenshots, snapshots and the benchmark are
reproducible. Written through the repository in one transaction.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from careertui.actions.imports import add_records
from careertui.domain.models import (
    Feedback,
    Gap,
    GapCategory,
    GapStatus,
    Goal,
    Interaction,
    Metric,
    Priority,
    Profile,
    PromotionAsk,
    Record,
    Relationship,
    Stakeholder,
    Stance,
    Thanks,
    Told,
    Vision,
    Win,
)
from careertui.store.repository import Repository

PRIORITIES = [
    ("Grow net revenue retention to 120%", "Expansion revenue from existing accounts."),
    ("Launch self-serve onboarding", "New teams live without talking to sales."),
    ("Cut enterprise time-to-value in half", "From signed contract to first value in 30 days."),
    ("Platform reliability at 99.95%", "Fewer incidents, faster recovery."),
    ("Expand into EMEA", "Data residency, localisation and the first EMEA logos."),
]
#: Last year's priority, archived when the company set this year's: (title, description, days
#: ago it began, days ago it ended). The wins of its time keep their link to it.
ARCHIVED_PRIORITY = (
    "Move every account to the new billing stack",
    "Retire the legacy invoicing system before the renewal season.",
    365,
    184,
)

# name, title, relationship, influence, stance, cares about, moves the needle, how to help,
# cadence in days, days since last contact (None: never)
PEOPLE = [
    (
        "Maya Chen",
        "VP Product",
        Relationship.MANAGER,
        5,
        Stance.SUPPORTER,
        "Hitting the NRR target; a product org that runs itself.",
        "Crisp written narratives with numbers; teams that need less of her time.",
        "Take the EMEA discovery off her plate.",
        7,
        3,
    ),
    (
        "Daniel Okafor",
        "Chief Product Officer",
        Relationship.SKIP_LEVEL,
        5,
        Stance.NEUTRAL,
        "The board story for next year's growth.",
        "Bets framed as revenue and risk.",
        "Bring customer evidence for the platform bet.",
        30,
        41,
    ),
    (
        "Priya Raman",
        "VP Engineering",
        Relationship.PEER,
        4,
        Stance.CHAMPION,
        "Reliability and a sane on-call.",
        "PMs who protect engineering time.",
        "Keep the reliability roadmap funded.",
        14,
        9,
    ),
    (
        "Tom Becker",
        "Head of Sales, EMEA",
        Relationship.CUSTOMER,
        4,
        Stance.SKEPTIC,
        "Closing the first big EMEA deals.",
        "Dates he can promise customers.",
        "A data-residency date he can rely on.",
        14,
        26,
    ),
    (
        "Sofia Alvarez",
        "Director of Design",
        Relationship.PEER,
        3,
        Stance.SUPPORTER,
        "Design quality across the onboarding flow.",
        "Being in the room early.",
        "Invite design to discovery from day one.",
        14,
        6,
    ),
    (
        "James Whitfield",
        "CFO",
        Relationship.EXECUTIVE,
        5,
        Stance.UNKNOWN,
        "Margins and predictable revenue.",
        "Unit economics.",
        "Show the cost side of self-serve.",
        0,
        None,
    ),
    (
        "Aisha Mohammed",
        "Principal PM, Payments",
        Relationship.MENTOR,
        3,
        Stance.CHAMPION,
        "Growing senior PMs.",
        "Candour and follow-through.",
        "Share what I learn leading the platform work.",
        21,
        12,
    ),
    (
        "Lukas Novak",
        "Staff Engineer",
        Relationship.PEER,
        3,
        Stance.SUPPORTER,
        "Clean architecture and fewer rewrites.",
        "Specs that name the trade-offs.",
        "Pair on the platform API design.",
        14,
        20,
    ),
    (
        "Hannah Lee",
        "Product Marketing Lead",
        Relationship.PEER,
        2,
        Stance.NEUTRAL,
        "A launch story customers repeat.",
        "Early access to the roadmap.",
        "Give her the onboarding metrics each month.",
        30,
        35,
    ),
    (
        "Rafael Costa",
        "Customer Success Director",
        Relationship.PEER,
        3,
        Stance.SUPPORTER,
        "Renewals and fewer escalations.",
        "Fixes for the top five support drivers.",
        "Share the enterprise time-to-value plan.",
        21,
        15,
    ),
    (
        "Grace Kim",
        "Senior PM",
        Relationship.DIRECT_REPORT,
        2,
        Stance.SUPPORTER,
        "Her own growth to senior PM.",
        "Ownership of a visible area.",
        "Give her the activation experiments.",
        7,
        2,
    ),
    (
        "Omar Haddad",
        "Chief Technology Officer",
        Relationship.EXECUTIVE,
        5,
        Stance.SKEPTIC,
        "Platform strategy and hiring.",
        "Architectural clarity.",
        "Co-write the platform narrative with Priya.",
        45,
        80,
    ),
    (
        "Elena Petrova",
        "Board advisor, ex-CPO",
        Relationship.SPONSOR,
        4,
        Stance.CHAMPION,
        "Seeing operators grow into leaders.",
        "Bold, well-argued bets.",
        "Keep her posted on the promotion case.",
        60,
        50,
    ),
    (
        "Ben Carter",
        "Data Science Manager",
        Relationship.PEER,
        2,
        Stance.BLOCKER,
        "His team's roadmap not being hijacked.",
        "Early, scoped asks.",
        "Agree the experiment backlog a quarter ahead.",
        30,
        70,
    ),
    (
        "Nina Schultz",
        "Engineering Manager, Growth",
        Relationship.PEER,
        3,
        Stance.NEUTRAL,
        "Predictable sprints.",
        "Fewer mid-sprint changes.",
        "Freeze scope two days earlier.",
        14,
        18,
    ),
]

# title, category, current, target, impact, effort, status, why, next action, due in days,
# linked people (indices into PEOPLE)
GAPS = [
    (
        "Executive communication",
        GapCategory.SKILL,
        2,
        4,
        5,
        3,
        GapStatus.WORKING,
        "Directors speak for the whole area to the exec team.",
        "Write the quarterly platform memo for Daniel.",
        20,
        [1, 0],
    ),
    (
        "Managing managers",
        GapCategory.EXPERIENCE,
        1,
        4,
        5,
        5,
        GapStatus.BACKLOG,
        "The target role leads PMs who lead PMs.",
        "Ask Maya to move Grace's team under me.",
        75,
        [0],
    ),
    (
        "Visibility with the CTO",
        GapCategory.VISIBILITY,
        1,
        3,
        4,
        2,
        GapStatus.WORKING,
        "Omar signs off director promotions in product and engineering.",
        "Present the platform API plan at architecture review.",
        12,
        [11, 2],
    ),
    (
        "Financial acumen",
        GapCategory.SKILL,
        2,
        4,
        4,
        3,
        GapStatus.BACKLOG,
        "Directors own a P&L conversation.",
        "Build the self-serve cost model with finance.",
        45,
        [5],
    ),
    (
        "A sponsor on the exec team",
        GapCategory.RELATIONSHIP,
        1,
        4,
        5,
        3,
        GapStatus.WORKING,
        "Nobody can argue my case in the calibration room yet.",
        "Monthly 1:1 with Daniel on the growth story.",
        30,
        [1, 12],
    ),
    (
        "Own a multi-team roadmap",
        GapCategory.SCOPE,
        2,
        4,
        5,
        4,
        GapStatus.BACKLOG,
        "Scope is the promotion criterion most often missed.",
        "Propose merging onboarding and activation under one roadmap.",
        60,
        [0],
    ),
    (
        "Pricing and packaging",
        GapCategory.EXPERIENCE,
        1,
        3,
        3,
        3,
        GapStatus.BACKLOG,
        "Self-serve needs a price page that converts.",
        "Shadow the pricing council.",
        None,
        [],
    ),
    (
        "Hiring bar raiser",
        GapCategory.EXPERIENCE,
        2,
        3,
        2,
        2,
        GapStatus.CLOSED,
        "Directors build teams.",
        "Done: certified as bar raiser.",
        None,
        [0],
    ),
    (
        "Data fluency",
        GapCategory.SKILL,
        3,
        4,
        3,
        2,
        GapStatus.CLOSED,
        "Make calls from data without waiting for analysts.",
        "Done: SQL course and dashboards.",
        None,
        [13],
    ),
    (
        "External thought leadership",
        GapCategory.VISIBILITY,
        1,
        3,
        2,
        3,
        GapStatus.BACKLOG,
        "A public voice helps hiring and the next role.",
        "Submit a talk to ProductCon.",
        90,
        [],
    ),
    (
        "Relationship with sales leadership",
        GapCategory.RELATIONSHIP,
        2,
        4,
        4,
        2,
        GapStatus.WORKING,
        "EMEA success depends on Tom's trust.",
        "Weekly EMEA deal review with Tom.",
        -5,
        [3],
    ),
    (
        "Director title",
        GapCategory.SCOPE,
        1,
        5,
        5,
        5,
        GapStatus.BACKLOG,
        "The destination itself.",
        "Agree the promotion criteria with Maya.",
        180,
        [0, 1],
    ),
]

WIN_TEMPLATES = [
    ("Shipped {feature}", "Launched to all customers; the {metric} moved.", 1, [0]),
    ("Ran the {feature} experiment", "A/B test with clear result and a decision.", 1, []),
    ("Closed the {account} expansion", "Platform features unlocked the upsell.", 0, [10]),
    ("Cut onboarding steps for {feature}", "Fewer steps, faster first value.", 2, [5]),
    ("Led the incident review for {feature}", "Blameless review; three fixes shipped.", 3, [7]),
    ("Presented {feature} strategy to the exec team", "Got a yes on the bet.", None, [0, 4]),
    ("Won {account} in EMEA", "First logo with data residency.", 4, [10]),
    ("Mentored Grace through her first launch", "She ran the launch end to end.", None, [1]),
]
FEATURES = [
    "usage-based billing",
    "SSO setup wizard",
    "workspace templates",
    "audit log",
    "EU data residency",
    "guided onboarding",
    "API keys page",
    "bulk import",
    "status page",
    "admin console",
    "team invites",
    "usage dashboard",
]
ACCOUNTS = ["Northwind", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries", "Acme"]
# name, unit, low, high, +1 when higher is better, -1 when lower is better
METRICS = [
    ("activation rate", "%", 28, 45, 1),
    ("time to first value", " days", 9, 30, -1),
    ("expansion ARR", "k€", 50, 400, 1),
    ("incidents per month", "", 4, 9, -1),
    ("support tickets per week", "", 20, 80, -1),
]
TAGS = ["launch", "experiment", "leadership", "customer", "reliability", "revenue", "hiring"]


def populate(repo: Repository, today: dt.date, seed: int = 7) -> None:
    """Write the sample career into ``repo`` (which should be empty)."""
    add_records(repo, sample_career(today, seed))


def sample_career(today: dt.date, seed: int = 7) -> dict[str, Sequence[Record]]:
    """The sample career's records by table, dated around ``today``."""
    rng = random.Random(seed)
    priorities: list[Priority] = [
        Priority(title=title, description=description, rank=rank)
        for rank, (title, description) in enumerate(PRIORITIES)
    ]
    people = [_person(row, today) for row in PEOPLE]
    gaps = [_gap(row, rank, people, today) for rank, row in enumerate(GAPS)]
    wins = list(_wins(rng, today, priorities, gaps, people))
    gaps = [_tied_gap(gap) for gap in gaps]
    wins = [_tied_win(win, today) for win in wins]
    archived = _archived_priority(today, rank=len(priorities))
    wins = [_tied_to_archived(win, archived) for win in wins]
    feedback = list(_feedback(today, people))
    interactions: list[Interaction] = []
    for person in people:
        if person.last_contact is None:
            continue
        step = dt.timedelta(days=max(person.cadence_days, 7))
        for back in range(3):
            interactions.append(
                Interaction(
                    stakeholder_id=person.id,
                    date=person.last_contact - back * step,
                    note=rng.choice(CHECK_IN_NOTES),
                )
            )
    goals, thanks = _loop_records(today, priorities, gaps, people, wins)
    return {
        Goal.table: goals,
        Thanks.table: thanks,
        Vision.table: [_vision(today)],
        Priority.table: [*priorities, archived],
        Stakeholder.table: list(people),
        Gap.table: list(gaps),
        Win.table: wins,
        Feedback.table: feedback,
        Interaction.table: interactions,
    }


def _loop_records(
    today: dt.date,
    priorities: list[Priority],
    gaps: list[Gap],
    people: list[Stakeholder],
    wins: list[Win],
) -> tuple[list[Goal], list[Thanks]]:
    """Interim goals agreed with the manager, thanks said, and wins shared (``told``, marked
    on the wins in place: only wins from before the person's last contact, which the
    check-in agendas leave out anyway). Draws nothing from the random sequence."""
    day = dt.timedelta(days=1)
    goals = [
        Goal(
            title="Publish the platform API plan",
            due=today + 30 * day,
            measure="Plan reviewed at the architecture forum; two teams committed",
            gap_ids=[gaps[1].id],
            priority_ids=[priorities[0].id],
        ),
        Goal(
            title="Quarterly platform memo to the exec team",
            due=today + 12 * day,
            measure="Memo sent; Daniel forwards it to the CEO",
            status="at risk",
            gap_ids=[gaps[0].id],
        ),
        Goal(
            title="Run the EMEA deal review for a full quarter",
            due=today + 90 * day,
            measure="12 weekly reviews held; two deals unblocked",
            gap_ids=[gaps[-1].id] if len(gaps) > 1 else [],
        ),
        Goal(
            title="Hand over the onboarding squad",
            due=today - 20 * day,
            measure="New lead in place; no drop in activation",
            status="done",
        ),
    ]
    thanks: list[Thanks] = []
    for index, win in enumerate(wins):
        if win.stakeholder_ids and len(thanks) < 4 and win.date < today - 14 * day:
            thanks.append(
                Thanks(stakeholder_id=win.stakeholder_ids[0], win_id=win.id, date=win.date + day)
            )
        for person in people:
            heard = person.last_contact
            if (
                heard is not None
                and win.starred
                and win.date < heard
                and person.relationship is Relationship.MANAGER
                and index % 2 == 0
            ):
                win.told.append(Told(stakeholder_id=person.id, date=heard))
    return goals, thanks


CHECK_IN_NOTES = [
    "Walked through the roadmap; asked what would make it a clear yes.",
    "Shared last month's wins; they want the numbers in writing.",
    "Discussed the promotion criteria and where I fall short.",
    "Asked for feedback on the exec memo.",
]


def _vision(today: dt.date) -> Vision:
    return Vision(
        statement=(
            "In four years I lead product for a **B2B developer platform** as Director of "
            "Product: a team of PM leads, a multi-year strategy the exec team trusts, and "
            "customers who build their business on what we ship."
        ),
        horizon=today.replace(year=today.year + 4),
        target_role="Director of Product, Platform",
        company_kinds=["B2B SaaS, Series C to pre-IPO", "Developer platforms"],
        values=["Customer evidence over opinion", "Write it down", "Grow people", "Ship weekly"],
        methods=[
            "Own a multi-team roadmap",
            "Monthly exec memo on the platform bet",
            "Build a bench of PM leads",
            "Keep a weekly brag document",
        ],
        obstacles=[
            "No exec sponsor yet",
            "Seen as a strong IC, not yet as a leader of leaders",
            "Little P&L experience",
        ],
        measures=[
            "Promotion case accepted in the next cycle",
            "Two PM leads reporting to me",
            "NRR of my area at 120%",
        ],
        strengths=["Turning customer research into roadmaps", "Writing", "Calm in incidents"],
        usps=["Engineer turned PM: credible with platform teams", "Shipped billing twice"],
        underused_skills=["Public speaking", "SQL and data analysis"],
        scope=[
            Vision.ScopeItem(responsibility="Platform API roadmap", today="own", target="own"),
            Vision.ScopeItem(responsibility="Developer onboarding", today="execute", target="own"),
            Vision.ScopeItem(
                responsibility="Pricing and packaging", today="influence", target="own"
            ),
            Vision.ScopeItem(responsibility="Hiring PM leads", today="out", target="own"),
        ],
        room_to_grow=Vision.RoomToGrow(
            answer="not yet",
            asked_on=today - dt.timedelta(days=40),
            asked_whom="Maya Chen",
            management_said=(
                "Not this cycle: show a second team's roadmap and an exec sponsor, and the "
                "case is strong for the next one."
            ),
            openings="A Group PM role opens when the platform org splits next half.",
        ),
        profile=Profile(
            name="Alex Rivera",
            title="Senior Product Manager",
            level="L6",
            since=today.replace(year=today.year - 2),
            company="Lumen Cloud",
            team="Developer Platform",
        ),
        **_ladder(today),
    )


#: The demo's ties to the example ladder's competencies: each gap's, and the wins' by the start
#: of their title (the wins made from one template share them).
GAP_COMPETENCIES = {
    "Executive communication": ["Communication"],
    "Managing managers": ["People leadership"],
    "Visibility with the CTO": ["Stakeholder management"],
    "Financial acumen": ["Data and measurement"],
    "Own a multi-team roadmap": ["Execution", "Product strategy"],
    "Pricing and packaging": ["Product strategy"],
    "Hiring bar raiser": ["People leadership"],
}
WIN_COMPETENCIES = {
    "Shipped ": ["Execution"],
    "Ran the ": ["Data and measurement"],
    "Presented ": ["Product strategy", "Communication"],
    "Mentored ": ["People leadership"],
}
#: Customer research stopped when the quiet month began: its evidence is stale.
CUSTOMER_INSIGHT_UNTIL_DAYS = 200


def _archived_priority(today: dt.date, rank: int) -> Priority:
    title, description, began, ended = ARCHIVED_PRIORITY
    return Priority(
        title=title,
        description=description,
        rank=rank,
        since=today - dt.timedelta(days=began),
        until=today - dt.timedelta(days=ended),
    )


def _tied_to_archived(win: Win, archived: Priority) -> Win:
    """The strategy talks of last year's first half served the billing migration."""
    assert archived.since is not None and archived.until is not None
    if (
        win.priority_id is None
        and win.title.startswith("Presented ")
        and archived.since <= win.date <= archived.until
    ):
        return win.model_copy(update={"priority_id": archived.id})
    return win


def _tied_gap(gap: Gap) -> Gap:
    tied = GAP_COMPETENCIES.get(gap.title)
    return gap.model_copy(update={"competencies": tied}) if tied else gap


def _tied_win(win: Win, today: dt.date) -> Win:
    tied = next((c for start, c in WIN_COMPETENCIES.items() if win.title.startswith(start)), [])
    if (
        win.title.startswith("Cut onboarding")
        and (today - win.date).days > CUSTOMER_INSIGHT_UNTIL_DAYS
    ):
        tied = ["Customer insight"]
    return win.model_copy(update={"competencies": list(tied)}) if tied else win


def _ladder(today: dt.date) -> dict[str, object]:
    """The example product-management ladder, the demo person on it, and their ask."""
    from careertui.exchange.ladder_file import example  # the ladder ships as package data

    return {
        "ladder": example("pm"),
        "ladder_level": "Senior PM",
        "ladder_target": "Group PM",
        "asks": [
            PromotionAsk(
                date=today - dt.timedelta(days=40),
                whom="Maya Chen",
                what="Group PM for the platform org when it splits next half",
                answer="not yet",
                said="Show a second team's roadmap and an exec sponsor first.",
                ask_again=today + dt.timedelta(days=50),
            )
        ],
    }


def _person(row: tuple, today: dt.date) -> Stakeholder:
    name, title, rel, influence, stance, cares, needle, helps, cadence, ago = row
    return Stakeholder(
        name=name,
        title=title,
        relationship=rel,
        influence=influence,
        stance=stance,
        cares_about=cares,
        moves_needle=needle,
        how_to_help=helps,
        cadence_days=cadence,
        last_contact=None if ago is None else today - dt.timedelta(days=ago),
    )


def _gap(row: tuple, rank: int, people: list[Stakeholder], today: dt.date) -> Gap:
    title, cat, cur, tgt, impact, effort, status, why, action, due, linked = row
    return Gap(
        title=title,
        category=cat,
        current_level=cur,
        target_level=tgt,
        impact=impact,
        effort=effort,
        status=status,
        why=why,
        next_action=action,
        rank=rank,
        due=None if due is None else today + dt.timedelta(days=due),
        stakeholder_ids=[people[i].id for i in linked],
    )


def _wins(
    rng: random.Random,
    today: dt.date,
    priorities: list[Priority],
    gaps: list[Gap],
    people: list[Stakeholder],
) -> list[Win]:
    wins: list[Win] = []
    quiet = range(200, 232)  # a quiet month about seven months ago: the brag document flags it
    for days_ago in range(364, -1, -1):
        if days_ago in quiet or rng.random() > 0.33:
            continue
        when = today - dt.timedelta(days=days_ago)
        title, impact, priority, gap_idx = rng.choice(WIN_TEMPLATES)
        feature, account = rng.choice(FEATURES), rng.choice(ACCOUNTS)
        name, unit, low, high, better = rng.choice(METRICS)
        before = rng.randint(low, high)
        after = max(0, before + better * rng.randint(2, max(3, (high - low) // 3)))
        metrics = [
            Metric(name=name, kind="output", before=f"{before}{unit}", after=f"{after}{unit}")
        ]
        if rng.random() < 0.3:
            metrics.append(
                Metric(
                    name="experiments shipped",
                    kind="input",
                    before=str(rng.randint(1, 3)),
                    after=str(rng.randint(4, 8)),
                )
            )
        involved = rng.sample(people, k=rng.randint(0, 2))
        wins.append(
            Win(
                date=when,
                title=title.format(feature=feature, account=account),
                body=f"Context: {impact.format(metric=name)}\n\n"
                f"- worked with {('no partners', 'one partner', 'two partners')[len(involved)]}\n"
                f"- next: follow up in the monthly review",
                impact=impact.format(metric=name),
                metrics=metrics,
                priority_id=priorities[priority].id if priority is not None else None,
                gap_ids=[gaps[i].id for i in gap_idx],
                stakeholder_ids=[p.id for p in involved],
                tags=rng.sample(TAGS, k=rng.randint(0, 2)),
                starred=rng.random() < 0.12,
            )
        )
    return wins


def _feedback(today: dt.date, people: list[Stakeholder]) -> list[Feedback]:
    rows = [
        (0, 20, "Your written narratives are the best on the team.", "writing", "strength"),
        (2, 45, "Engineering trusts you; you protect focus time.", "partnership", "strength"),
        (1, 60, "I don't yet see you setting direction beyond your area.", "scope", "gap"),
        (
            11,
            90,
            "Architecture discussions need you to come with options, not asks.",
            "technical depth",
            "gap",
        ),
        (6, 120, "Ask for the stretch assignment; you're ready.", "ambition", "strength"),
        (3, 35, "EMEA dates slipped twice; I need commitments I can sell.", "reliability", "gap"),
        (10, 15, "You give clear, kind feedback.", "people leadership", "strength"),
        (None, 150, "Presentations run long; lead with the ask.", "executive presence", "gap"),
    ]
    out = []
    for who, ago, quote, theme, kind in rows:
        out.append(
            Feedback(
                quote=quote,
                giver_id=people[who].id if who is not None else None,
                giver_name=people[who].name if who is not None else "Anonymous 360 reviewer",
                date=today - dt.timedelta(days=ago),
                theme=theme,
                kind=kind,
            )
        )
    return out
