use serde::Serialize;
use sqlx::{FromRow, PgPool};

const DOCS_TABLE: &str = "docs";

#[derive(Debug, FromRow, Serialize)]
pub struct Doc {
    pub id: i64,
    pub title: String,
    pub owner_id: i64,
}

pub async fn doc_by_id(pool: &PgPool, id: i64) -> sqlx::Result<Doc> {
    sqlx::query_as::<_, Doc>("SELECT id, title, owner_id FROM docs WHERE id = $1") // safe: bound parameter
        .bind(id)
        .fetch_one(pool)
        .await
}

pub async fn search_docs(pool: &PgPool, term: &str, sort: &str) -> sqlx::Result<Vec<Doc>> {
    let sql = format!(
        "SELECT id, title, owner_id FROM docs WHERE title ILIKE '%{}%' ORDER BY {}",
        term, sort
    );
    sqlx::query_as::<_, Doc>(&sql).fetch_all(pool).await // expect: sql-injection
}

pub async fn docs_by_tags(pool: &PgPool, tags: &[String]) -> sqlx::Result<Vec<Doc>> {
    let mut sql = String::from("SELECT d.id, d.title, d.owner_id FROM docs d JOIN tags t ON t.doc_id = d.id WHERE t.name IN (");
    for (i, tag) in tags.iter().enumerate() {
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push_str(&format!("'{}'", tag));
    }
    sql.push(')');
    sqlx::query_as::<_, Doc>(&sql).fetch_all(pool).await // expect: sql-injection
}

pub async fn docs_by_owner(pool: &PgPool, owner: i64) -> sqlx::Result<Vec<Doc>> {
    sqlx::query_as!(Doc, "SELECT id, title, owner_id FROM docs WHERE owner_id = $1", owner) // safe: compile-time checked macro
        .fetch_all(pool)
        .await
}

pub async fn delete_sessions(pool: &PgPool, user_id: &str) -> sqlx::Result<u64> {
    let res = sqlx::query(&("DELETE FROM sessions WHERE user_id = ".to_string() + user_id)) // expect: sql-injection
        .execute(pool)
        .await?;
    Ok(res.rows_affected())
}

pub async fn touch_login(pool: &PgPool, id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET last_login = now() WHERE id = $1").bind(id).execute(pool).await?; // safe: bound parameter
    Ok(())
}

pub async fn doc_count(pool: &PgPool) -> sqlx::Result<i64> {
    sqlx::query_scalar(&format!("SELECT count(*) FROM {}", DOCS_TABLE)).fetch_one(pool).await // safe: constant table name
}

pub fn audit(conn: &rusqlite::Connection, actor: &str, action: &str) -> rusqlite::Result<usize> {
    conn.execute(&format!("INSERT INTO audit (actor, action) VALUES ('{}', '{}')", actor, action), []) // expect: sql-injection
}

pub fn audit_checked(conn: &rusqlite::Connection, actor: &str, action: &str) -> rusqlite::Result<usize> {
    conn.execute("INSERT INTO audit (actor, action) VALUES (?1, ?2)", rusqlite::params![actor, action]) // safe: bound parameters
}
