"""SQLAlchemy (Core and ORM, with the psycopg2 driver) against tenon serve, the way the seed
documents' FastAPI examples model a blog: UUID and BIGSERIAL keys, ForeignKey with ondelete
CASCADE/SET NULL, one-to-many, one-to-one and many-to-many relationships, create_all (which
introspects the catalog first), sessions, relationship loading, IntegrityError on violations.
Connection settings come from PGHOST/PGPORT/PGUSER/PGDATABASE. Prints one "ok" line per check.
Run with /usr/bin/python3 (Debian's python3-sqlalchemy and python3-psycopg2)."""
import decimal
import sys
import uuid

import sqlalchemy
from sqlalchemy import (BigInteger, Column, DateTime, ForeignKey, Integer, Numeric, String, Table, Text,
                        create_engine, func, insert, inspect, select, text)
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, declarative_base, joinedload, relationship, selectinload

checks = 0


def ok(name):
    global checks
    checks += 1
    print(f"ok {checks} - {name}", flush=True)


Base = declarative_base()

post_tags = Table(
    "post_tags", Base.metadata,
    Column("post_id", BigInteger, ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", BigInteger, ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)


class User(Base):
    __tablename__ = "users"
    id = Column(UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()"))
    email = Column(String(255), nullable=False, unique=True)
    name = Column(Text, nullable=False)
    posts = relationship("Post", back_populates="author", cascade="all, delete-orphan", passive_deletes=True)
    profile = relationship("UserProfile", back_populates="user", uselist=False, passive_deletes=True)


class UserProfile(Base):
    __tablename__ = "user_profiles"
    user_id = Column(UUID(as_uuid=True), ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    bio = Column(Text)
    user = relationship("User", back_populates="profile")


class Category(Base):
    __tablename__ = "categories"
    id = Column(BigInteger, primary_key=True)
    name = Column(Text, nullable=False, unique=True)
    posts = relationship("Post", back_populates="category", passive_deletes=True)


class Post(Base):
    __tablename__ = "posts"
    id = Column(BigInteger, primary_key=True)
    author_id = Column(UUID(as_uuid=True), ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    category_id = Column(BigInteger, ForeignKey("categories.id", ondelete="SET NULL"), index=True)
    title = Column(Text, nullable=False)
    rating = Column(Numeric(3, 1))
    views = Column(Integer, nullable=False, server_default="0")
    created_at = Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    author = relationship("User", back_populates="posts")
    category = relationship("Category", back_populates="posts")
    tags = relationship("Tag", secondary=post_tags, back_populates="posts", passive_deletes=True)


class Tag(Base):
    __tablename__ = "tags"
    id = Column(BigInteger, primary_key=True)
    name = Column(Text, nullable=False, unique=True)
    posts = relationship("Post", secondary=post_tags, back_populates="tags", passive_deletes=True)


def main():
    engine = create_engine("postgresql+psycopg2://", future=True)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT :a + 1"), {"a": 41}).scalar_one() == 42
        conn.execute(text('CREATE EXTENSION IF NOT EXISTS "pgcrypto"'))
        conn.commit()
    assert engine.dialect.server_version_info >= (15,), engine.dialect.server_version_info
    ok("engine connects (dialect initialisation), text() with a bound parameter")

    Base.metadata.create_all(engine)
    Base.metadata.create_all(engine)  # a second run finds every table (has_table) and creates nothing
    insp = inspect(engine)
    assert insp.has_table("posts") and not insp.has_table("nope")
    assert set(insp.get_table_names()) >= {"users", "user_profiles", "categories", "posts", "tags", "post_tags"}
    ok("create_all")

    with Session(engine) as s:
        ada = User(email="ada@example.com", name="Ada")
        bob = User(email="bob@example.com", name="Bob")
        dbs = Category(name="databases")
        sql, design = Tag(name="sql"), Tag(name="design")
        ada.posts = [Post(title="Keys", rating=decimal.Decimal("4.5"), category=dbs, tags=[sql, design]),
                     Post(title="Joins", tags=[sql])]
        bob.posts = [Post(title="Indexes", category=dbs)]
        ada.profile = UserProfile(bio="hi")
        s.add_all([ada, bob])
        s.commit()
        assert isinstance(ada.id, uuid.UUID), ada.id
        assert ada.posts[0].id is not None and ada.posts[0].views == 0
        ada_id = ada.id
    ok("session add/commit: server-generated UUID and BIGSERIAL keys, server defaults")

    with Session(engine) as s:
        ada = s.execute(select(User).where(User.email == "ada@example.com")).scalar_one()
        assert sorted(p.title for p in ada.posts) == ["Joins", "Keys"]  # lazy load
        assert ada.profile.bio == "hi"
        users = s.execute(select(User).options(selectinload(User.posts).selectinload(Post.tags))
                          .order_by(User.name)).scalars().all()
        assert [(u.name, sorted((p.title, sorted(t.name for t in p.tags)) for p in u.posts)) for u in users] == [
            ("Ada", [("Joins", ["sql"]), ("Keys", ["design", "sql"])]), ("Bob", [("Indexes", [])])]
        posts = s.execute(select(Post).options(joinedload(Post.author), joinedload(Post.category))
                          .order_by(Post.title)).scalars().all()
        assert [(p.title, p.author.name, p.category.name if p.category else None) for p in posts] == [
            ("Indexes", "Bob", "databases"), ("Joins", "Ada", None), ("Keys", "Ada", "databases")]
        assert posts[2].rating == decimal.Decimal("4.5")
        assert posts[2].created_at.tzinfo is not None
    ok("relationship loading: lazy, selectinload (nested), joinedload")

    with Session(engine) as s:
        rows = s.execute(select(User.name, func.count(Post.id)).join(Post).group_by(User.name)
                         .order_by(func.count(Post.id).desc())).all()
        assert [tuple(r) for r in rows] == [("Ada", 2), ("Bob", 1)]
        tagged = s.execute(select(Tag.name).join(Tag.posts).where(Post.title == "Keys").order_by(Tag.name)).scalars().all()
        assert tagged == ["design", "sql"]
    ok("joins through relationships, GROUP BY with count")

    with Session(engine) as s:
        s.add(Post(title="Orphan", author_id=uuid.UUID(int=9999)))
        try:
            s.commit()
            raise AssertionError("expected IntegrityError")
        except IntegrityError as e:
            s.rollback()
            assert e.orig.pgcode == "23503", e.orig.pgcode
            assert e.orig.diag.constraint_name == "posts_author_id_fkey", e.orig.diag.constraint_name
        s.add(User(email="ada@example.com", name="Ada again"))
        try:
            s.commit()
            raise AssertionError("expected IntegrityError")
        except IntegrityError as e:
            s.rollback()
            assert (e.orig.pgcode, e.orig.diag.constraint_name) == ("23505", "users_email_key")
        assert s.execute(select(func.count()).select_from(User)).scalar_one() == 2
    ok("IntegrityError for FK and unique violations; rollback")

    with engine.begin() as conn:  # Core: insert … returning, update, delete with bound parameters
        tid = conn.execute(insert(Tag).values(name="core").returning(Tag.id)).scalar_one()
        conn.execute(post_tags.insert(), [{"post_id": pid, "tag_id": tid}
                                          for pid in conn.execute(select(Post.id)).scalars()])
        n = conn.execute(Post.__table__.update().where(Post.title == "Joins").values(views=Post.views + 5)).rowcount
        assert n == 1
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(post_tags).where(post_tags.c.tag_id == tid)).scalar_one() == 3
    ok("Core: insert().returning, executemany insert, update with an expression")

    with engine.begin() as conn:  # PostgreSQL's upsert through the dialect's insert()
        stmt = pg_insert(Tag).values(name="sql")
        assert conn.execute(stmt.on_conflict_do_nothing(index_elements=["name"])).rowcount == 0
        upsert = pg_insert(Tag).values([{"name": "sql"}, {"name": "upserted"}])
        upsert = upsert.on_conflict_do_update(index_elements=["name"], set_={"name": upsert.excluded.name + "!"})
        names = conn.execute(upsert.returning(Tag.name)).scalars().all()
        assert sorted(names) == ["sql!", "upserted"], names
        conn.execute(Tag.__table__.update().where(Tag.name == "sql!").values(name="sql"))
        locked = conn.execute(select(Tag.id).where(Tag.name == "sql").with_for_update()).scalar_one()
        assert locked is not None
    ok("on_conflict_do_nothing, on_conflict_do_update with excluded, with_for_update")

    with Session(engine) as s:
        s.delete(s.get(Category, s.execute(select(Category.id)).scalar_one()))
        s.commit()
        assert s.execute(select(func.count()).select_from(Post).where(Post.category_id.is_(None))).scalar_one() == 3
        s.delete(s.get(User, ada_id))  # passive_deletes: the database's ON DELETE CASCADE removes the rest
        s.commit()
        counts = [s.execute(select(func.count()).select_from(t)).scalar_one()
                  for t in (Post.__table__, post_tags, UserProfile.__table__)]
        assert counts == [1, 1, 0], counts
    ok("ondelete SET NULL and CASCADE done by the database")

    Base.metadata.drop_all(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM pg_class WHERE relname = 'posts'")).scalar_one() == 0
    ok("drop_all")
    print(f"all {checks} checks passed")


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # noqa: BLE001 - report everything the run hit
        import traceback
        traceback.print_exc()
        sys.exit(1)
