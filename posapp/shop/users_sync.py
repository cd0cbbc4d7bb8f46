"""Users, roles and PIN hashes shop-wide: other counters' changes applied to this terminal's local copy.

Every terminal ships its ``user_events`` (with the user's state) like its payment events; each pulls
the others' and applies the newest state of each user to its own ``users`` table, so a PIN changed at
one counter works at the others, and sign-in keeps working offline from the local copy.

Rules:

- Per user (name ignoring case), the newest change wins: by its time, then terminal id, then seq (the
  same order on every terminal, so all converge). Only changes of state count (``created``,
  ``pin_changed``, ``pin_rehashed``, ``disabled``, ``enabled``).
- A change made here that is newer than the shop's wins here (it reaches the store on the next pass).
- Wrong tries and lockouts stay per counter: a lockout must not need the store to be reachable.
- An applied change is audited locally as ``shop_synced`` (actor ``system``); such rows are shipped
  too (the sequence stays dense) but never count as a change of state, so nothing echoes back.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping

from posapp.journal.store import Journal, _stamp
from posapp.shop.store import UserChange

log = logging.getLogger(__name__)

STATE_CHANGES = frozenset({"created", "pin_changed", "pin_rehashed", "disabled", "enabled"})


def newest_per_user(changes: Iterable[UserChange]) -> dict[str, UserChange]:
    newest: dict[str, UserChange] = {}
    for change in changes:
        if change.type not in STATE_CHANGES:
            continue
        held = newest.get(change.name_key)
        if held is None or (change.at, change.terminal_id, change.seq) > (held.at, held.terminal_id, held.seq):
            newest[change.name_key] = change
    return newest


def apply_shop_users(
    journal: Journal, changes: Iterable[UserChange], own_terminal: str, names: Mapping[str, str] | None = None
) -> list[str]:
    """Apply the newest shop-wide state of each user to the local copy; returns the names changed."""
    applied: list[str] = []
    winners = newest_per_user(changes)
    with journal._lock, journal._write() as conn:
        for key, change in sorted(winners.items()):
            if change.terminal_id == own_terminal:
                continue
            row = conn.execute(
                "SELECT id, role, disabled, pin_scheme, pin_params, pin_salt, pin_hash FROM users WHERE name_key = ?",
                (key,),
            ).fetchone()
            state = (change.role, int(change.disabled), change.pin_scheme, change.pin_params, change.pin_salt,
                     change.pin_hash)  # fmt: skip
            now = _stamp(journal._clock())
            where = (names or {}).get(change.terminal_id, change.terminal_id[:8])
            if row is None:
                cur = conn.execute(
                    "INSERT INTO users (name, name_key, role, disabled, pin_scheme, pin_params, pin_salt, pin_hash,"
                    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (change.name, key, *state, now, now),
                )
                user_id = int(cur.lastrowid or 0)
            else:
                if (row[1], row[2], row[3], row[4], bytes(row[5]), bytes(row[6])) == state:
                    continue
                latest_here = conn.execute(
                    "SELECT max(at) FROM user_events WHERE user_id = ? AND type IN"
                    f" ({','.join('?' * len(STATE_CHANGES))})",
                    (row[0], *sorted(STATE_CHANGES)),
                ).fetchone()[0]
                if latest_here is not None and latest_here >= _stamp(change.at):
                    continue  # changed here later: this counter's change wins and will be shipped
                user_id = row[0]
                conn.execute(
                    "UPDATE users SET role = ?, disabled = ?, pin_scheme = ?, pin_params = ?, pin_salt = ?,"
                    " pin_hash = ?, updated_at = ? WHERE id = ?",
                    (*state, now, user_id),
                )
            conn.execute(
                "INSERT INTO user_events (user_id, at, actor, type, detail) VALUES (?, ?, 'system', 'shop_synced', ?)",
                (user_id, now, f"{change.type} at {where}"),
            )
            applied.append(change.name)
    if applied:
        log.info("users updated from the shop: %s", ", ".join(applied))
    return applied


__all__ = ["STATE_CHANGES", "apply_shop_users", "newest_per_user"]
