#!/usr/bin/env python3
"""Writes demo/app.sqlite3: a small, fake "app database" for the demo project
(customers, users, comments). Dates are stored as days before today, so the
demo's SQL metrics and series stay current whenever they run. Deterministic."""
import os, random, sqlite3

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "app.sqlite3")
if os.path.exists(path):
    os.remove(path)
rng = random.Random(42)
db = sqlite3.connect(path)
db.executescript("""
CREATE TABLE customers (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL);
CREATE TABLE users (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id),
                    created_days_ago INTEGER NOT NULL, last_seen_days_ago INTEGER NOT NULL);
CREATE TABLE comments (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id),
                       user_id INTEGER NOT NULL REFERENCES users(id), days_ago INTEGER NOT NULL);
""")
customers = [("acme", "Acme Corp"), ("globex", "Globex"), ("initech", "Initech"),
             ("umbrella", "Umbrella & Sons"), ("hooli", "Hooli"), ("stark", "Stark Industries")]
db.executemany("INSERT INTO customers (id, slug, name) VALUES (?, ?, ?)",
               [(i + 1, s, n) for i, (s, n) in enumerate(customers)])
users = []
for uid in range(1, 1801):
    # More signups recently: created_days_ago skews towards 0; fewer on weekends.
    created = int(rng.triangular(0, 400, 0))
    seen = min(created, int(rng.expovariate(1 / 12)))
    users.append((uid, rng.choice([1, 1, 1, 2, 2, 3, 4, 5, 6]), created, seen))
db.executemany("INSERT INTO users VALUES (?, ?, ?, ?)", users)
comments = []
for cid in range(1, 6001):
    uid, cust, created, _ = rng.choice(users)
    comments.append((cid, cust, uid, rng.randint(0, created)))
db.executemany("INSERT INTO comments VALUES (?, ?, ?, ?)", comments)
db.commit()
db.execute("VACUUM")
db.close()
print("wrote", path, os.path.getsize(path), "bytes")
