"""The knowledge-base schema: SQLAlchemy 2 typed ORM models, one table per entity.

Per-document claims (mentions, visit sources with their evidence, places, participants,
agreement claims) are written once at ingest; people and visits are what resolution makes of
them across documents.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names, so migrations can alter them on every backend (SQLite batch mode too).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

VISIT_STATUSES = ("occurred", "planned")
AGREEMENT_KINDS = ("agreement", "mou", "mixed", "other")


class Base(DeclarativeBase):
    """Declarative base with the naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _country_fk(nullable: bool = True) -> Mapped[str | None]:
    return mapped_column(String(3), ForeignKey("countries.code"), nullable=nullable)


class Document(Base):
    """A news text exactly as ingested."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str] = mapped_column(String(255), unique=True)
    lang: Mapped[str] = mapped_column(String(16), index=True)
    published: Mapped[date | None] = mapped_column(Date, index=True)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    # The day relative dates are read against: published, or the text's dateline when not given.
    reference_date: Mapped[date | None] = mapped_column(Date)
    ingested_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )


class Country(Base):
    """A state, keyed by its ISO 3166-1 alpha-3 code."""

    __tablename__ = "countries"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    name: Mapped[str] = mapped_column(String(255))


class Person(Base):
    """One person, however many scripts and spellings name them."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255))  # display name: English when known
    name_en: Mapped[str | None] = mapped_column(String(255), index=True)
    role: Mapped[str | None] = mapped_column(String(120))
    country: Mapped[str | None] = _country_fk()
    gazetteer_id: Mapped[str | None] = mapped_column(String(120), unique=True)
    # Identity of a person known only from texts (resolution's key); gazetteer people have none.
    key: Mapped[str | None] = mapped_column(String(255), unique=True)

    names: Mapped[list[PersonName]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )
    terms: Mapped[list[Term]] = relationship(back_populates="person", cascade="all, delete-orphan")

    __table_args__ = (Index(None, "country"),)


class PersonName(Base):
    """One written form of a person's name, with the script-independent key it is matched by."""

    __tablename__ = "person_names"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(255))
    script: Mapped[str] = mapped_column(String(16))  # Latn, Arab, Deva, ...
    key: Mapped[str] = mapped_column(String(255), index=True)  # normalised matching key
    source: Mapped[str] = mapped_column(String(16))  # gazetteer | text

    person: Mapped[Person] = relationship(back_populates="names")

    __table_args__ = (
        UniqueConstraint("person_id", "name"),
        Index(None, "name"),
    )


class Term(Base):
    """A term of office: who held which role for which state, from when to when."""

    __tablename__ = "terms"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(120))
    country: Mapped[str] = mapped_column(String(3), ForeignKey("countries.code"))
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)  # None: still in office

    person: Mapped[Person] = relationship(back_populates="terms")

    __table_args__ = (
        CheckConstraint('"end" IS NULL OR "end" >= start', name="term_dates"),
        Index(None, "country", "role", "start"),
    )


class Mention(Base):
    """A span of a document that names a person."""

    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    claim_key: Mapped[int] = mapped_column(Integer)  # the person's key within the document
    role: Mapped[str | None] = mapped_column(String(120))  # as the text gives it
    country: Mapped[str | None] = _country_fk()
    # The text names the person only by role ("the Iraqi foreign minister").
    role_only: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # How resolution found the person when the text does not name them (not text evidence).
    inference: Mapped[str | None] = mapped_column(Text)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )

    __table_args__ = (
        UniqueConstraint("document_id", "start", "end"),
        CheckConstraint('start >= 0 AND "end" > start', name="span"),
    )


class Visit(Base):
    """One trip of one guest to one host country, merged over every report of it."""

    __tablename__ = "visits"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stable identity across rebuilds: "<document id>#<ordinal>" of the visit's first source.
    key: Mapped[str] = mapped_column(String(300), unique=True)
    guest_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    guest_country: Mapped[str | None] = _country_fk()
    host_country: Mapped[str] = mapped_column(String(3), ForeignKey("countries.code"))
    status: Mapped[str] = mapped_column(String(16))
    start_date: Mapped[date | None] = mapped_column(Date, index=True)
    end_date: Mapped[date | None] = mapped_column(Date)
    window_start: Mapped[date | None] = mapped_column(Date, index=True)
    window_end: Mapped[date | None] = mapped_column(Date, index=True)
    duration_days: Mapped[int | None] = mapped_column(Integer)
    window_reasons: Mapped[list[str]] = mapped_column(JSON, default=list)

    sources: Mapped[list[VisitSource]] = relationship(back_populates="visit")

    __table_args__ = (
        CheckConstraint(f"status IN {VISIT_STATUSES}", name="status"),
        CheckConstraint("duration_days IS NULL OR duration_days > 0", name="duration"),
        CheckConstraint(
            "window_start IS NULL OR window_end IS NULL OR window_end >= window_start",
            name="window",
        ),
        Index(None, "guest_country"),
        Index(None, "host_country"),
    )


class VisitSource(Base):
    """What one document says about one visit: the claim before merging, with its evidence."""

    __tablename__ = "visit_sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("visits.id", ondelete="SET NULL"), index=True
    )
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    ordinal: Mapped[int] = mapped_column(Integer)  # position of the claim in its document
    guest_mention_id: Mapped[int] = mapped_column(ForeignKey("mentions.id", ondelete="CASCADE"))
    guest_country: Mapped[str | None] = _country_fk()
    host_country: Mapped[str] = mapped_column(String(3), ForeignKey("countries.code"))
    status: Mapped[str] = mapped_column(String(16))
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    window_start: Mapped[date | None] = mapped_column(Date)
    window_end: Mapped[date | None] = mapped_column(Date)
    duration_days: Mapped[int | None] = mapped_column(Integer)

    visit: Mapped[Visit | None] = relationship(back_populates="sources")
    evidence: Mapped[list[EvidenceSpan]] = relationship(cascade="all, delete-orphan")

    __table_args__ = (
        UniqueConstraint("document_id", "ordinal"),
        CheckConstraint(f"status IN {VISIT_STATUSES}", name="status"),
    )


class EvidenceSpan(Base):
    """A span of the source document that reports the visit."""

    __tablename__ = "evidence_spans"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_source_id: Mapped[int] = mapped_column(
        ForeignKey("visit_sources.id", ondelete="CASCADE"), index=True
    )
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    __table_args__ = (CheckConstraint('start >= 0 AND "end" > start', name="span"),)


class VisitPlace(Base):
    """A city or site a source says the guest went to."""

    __tablename__ = "visit_places"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_source_id: Mapped[int] = mapped_column(
        ForeignKey("visit_sources.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(255))  # as written
    name_en: Mapped[str | None] = mapped_column(String(255), index=True)
    country: Mapped[str | None] = _country_fk()
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class VisitParticipant(Base):
    """A person the guest met or was received by, according to a source."""

    __tablename__ = "visit_participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_source_id: Mapped[int] = mapped_column(
        ForeignKey("visit_sources.id", ondelete="CASCADE"), index=True
    )
    mention_id: Mapped[int] = mapped_column(
        ForeignKey("mentions.id", ondelete="CASCADE"), index=True
    )

    __table_args__ = (UniqueConstraint("visit_source_id", "mention_id"),)


class AgreementClaim(Base):
    """A source's count of agreements signed during a visit; ``count`` NULL means "several"."""

    __tablename__ = "agreement_claims"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_source_id: Mapped[int] = mapped_column(
        ForeignKey("visit_sources.id", ondelete="CASCADE"), index=True
    )
    count: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        CheckConstraint(f"kind IN {AGREEMENT_KINDS}", name="kind"),
        CheckConstraint("count IS NULL OR count >= 0", name="count"),
    )
