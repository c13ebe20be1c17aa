"""Database access: sqlite3 for the app, SQLAlchemy for reporting."""
import os
import sqlite3

from sqlalchemy import create_engine, text

DB_PATH = os.environ.get("DB_PATH", "snapshare.db")
TABLE_PHOTOS = "photos"
engine = create_engine(os.environ["REPORTING_DATABASE_URL"])


def get_conn():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def get_user_by_name(username):
    return get_conn().execute("SELECT * FROM users WHERE username = ?", (username,)).fetchone()  # safe: parameterized


def get_user_by_email(email):
    query = f"SELECT id, username, email FROM users WHERE email = '{email}'"
    cur = get_conn().cursor()
    cur.execute(query)  # expect: sql-injection
    return cur.fetchone()


def search_photos(term, order_by="created_at"):
    sql = "SELECT * FROM photos WHERE title LIKE '%" + term + "%'"
    sql += " ORDER BY " + order_by
    return get_conn().execute(sql).fetchall()  # expect: sql-injection


def _where(filters):
    return " AND ".join("{} = '{}'".format(col, val) for col, val in filters.items())


def list_photos(owner_id, filters):
    clause = _where(filters)
    conn = get_conn()
    return conn.execute("SELECT * FROM photos WHERE owner_id = %s AND %s" % (owner_id, clause)).fetchall()  # expect: sql-injection


def list_albums(owner_id):  # TODO: add pagination  # safe: TODO in a non-security function
    return get_conn().execute(
        "SELECT id, name FROM albums WHERE owner_id = ? ORDER BY name",  # safe: parameterized
        (owner_id,),
    ).fetchall()


def count_photos():
    return get_conn().execute(f"SELECT COUNT(*) FROM {TABLE_PHOTOS}").fetchone()[0]  # safe: module-constant table name


def create_user(username, password_hash, email):
    conn = get_conn()
    conn.execute("INSERT INTO users (username, password, email) VALUES (?, ?, ?)",  # safe: stores a hash, parameterized
                 (username, password_hash, email))
    conn.commit()


def photos_by_tag(tag):
    with engine.connect() as c:
        stmt = text(f"SELECT p.* FROM photos p JOIN tags t ON t.photo_id = p.id WHERE t.name = '{tag}'")  # expect: sql-injection
        return c.execute(stmt).fetchall()


def photos_by_album(album_id):
    with engine.connect() as c:
        return c.execute(text("SELECT * FROM photos WHERE album_id = :aid"), {"aid": album_id}).fetchall()  # safe: bound parameter
