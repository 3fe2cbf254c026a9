"""Roles as texts give them, folded to the offices the gazetteer records."""

from __future__ import annotations

# Qualifiers that do not change which office a role is ("acting foreign minister").
QUALIFIERS = ("acting ", "interim ", "caretaker ", "transitional ")
FORMER = "former "
# Text roles named differently in the gazetteer's vocabulary.
SYNONYMS = {
    "speaker of parliament": "speaker",
    "head of government": "prime minister",
    "premier": "prime minister",
    "secretary of state": "foreign minister",
    "defense minister": "defence minister",
}


def base_role(role: str | None) -> str | None:
    """The office a role is a term of (``acting foreign minister`` -> ``foreign minister``)."""
    if not role:
        return None
    role = role.strip().lower()
    if role.startswith(FORMER):
        role = role[len(FORMER) :]
    for qualifier in QUALIFIERS:
        if role.startswith(qualifier):
            role = role[len(qualifier) :]
    return SYNONYMS.get(role, role)


def is_former(role: str | None) -> bool:
    """Whether the role says the office is no longer held (``former prime minister``)."""
    return bool(role) and role.strip().lower().startswith(FORMER)
