"""Stage 3: mentions -> visit and agreement claims. Pure: no I/O."""

from visitkb.visits.model import (
    AgreementClaim,
    Evidence,
    Extraction,
    PersonClaim,
    PlaceClaim,
    VisitClaim,
)

__all__ = ["AgreementClaim", "Evidence", "Extraction", "PersonClaim", "PlaceClaim", "VisitClaim"]
