"""Comment surgery on ruamel.yaml's round-trip data: when a key or a list item is removed or
inserted, the comment lines that belong to its neighbours stay with them.

ruamel keeps the comment *after* a line on the entry of that line (``node.ca.items[key][slot]``),
so the comment lines that open the next section of a file hang on the last entry before it. These
functions move such "tails" when the entry they hang on goes away or gets a new neighbour. They
work on ruamel's internals (``ca.items``, ``ca.end``, ``CommentToken``): pyproject.toml bounds
ruamel.yaml to the versions the tests ran with.
"""

from __future__ import annotations

import copy
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.tokens import CommentToken


def drop_key(mapping: CommentedMap, key: str, token: Any) -> None:
    """Remove ``key``; ``token`` (comment lines that followed its value) moves to the key before it."""
    keys = list(mapping)
    index = keys.index(key)
    last_tail = take_tail(mapping) if index == len(keys) - 1 else None
    del mapping[key]
    for moved in (token, last_tail):
        if moved is None or index == 0:
            continue
        previous = keys[index - 1]
        if _is_block(mapping[previous]):
            give_tail(mapping[previous], moved)
        else:
            _join(mapping.ca.items.setdefault(previous, [None, None, None, None]), 2, moved)


def delete_key(mapping: CommentedMap, key: str) -> None:
    last = list(mapping)[-1] == key
    tail = take_tail(mapping) if last else None
    del mapping[key]
    if tail and len(mapping):
        give_tail(mapping, tail)


def _is_block(node: Any) -> bool:
    return isinstance(node, (CommentedMap, CommentedSeq)) and len(node) > 0 and not node.fa.flow_style()


def _tail_holder(node: Any) -> Any:
    """The innermost block collection whose last entry carries the comment after ``node``."""
    while _is_block(node):
        last = node[list(node)[-1]] if isinstance(node, CommentedMap) else node[-1]
        if not _is_block(last):
            return node
        node = last
    return None


def _tail_slot(holder: Any) -> tuple[Any, int]:
    """Where, in ``holder.ca.items``, the comment after its last entry is kept."""
    if isinstance(holder, CommentedMap):
        return list(holder)[-1], 2
    return len(holder) - 1, 0


def _split_off(entry: list[Any], slot: int) -> Any:
    """Take the comment lines after a line out of ``entry[slot]``; a comment on the line itself stays.

    A token such as ``"  # on the line\n\n# --- next section ---\n"`` keeps its first line and
    gives away ``"\n\n# --- next section ---\n"`` (which starts by ending the line it joins).
    """
    token = entry[slot]
    if token is None or not isinstance(token, CommentToken):
        return None
    value = token.value
    if value.startswith("\n"):
        entry[slot] = None
        return token
    cut = value.find("\n") + 1
    if cut <= 0 or cut == len(value):
        return None
    moved = copy.copy(token)
    moved.value = "\n" + value[cut:]
    token.value = value[:cut]
    return moved


def take_tail(node: Any) -> Any:
    """Remove and return the comment lines that follow ``node`` in the file (None if none)."""
    holder = _tail_holder(node)
    if holder is None:
        return None
    key, slot = _tail_slot(holder)
    entry = holder.ca.items.get(key)
    return _split_off(entry, slot) if entry else None


def _join(entry: list[Any], slot: int, token: Any) -> None:
    if entry[slot] is None:
        entry[slot] = token
    else:
        entry[slot].value = entry[slot].value + token.value.lstrip("\n")


def give_tail(node: Any, token: Any) -> None:
    """Attach comment lines taken with :func:`take_tail` after ``node``."""
    holder = _tail_holder(node)
    if holder is None:
        return
    if isinstance(holder, CommentedSeq) and holder.ca.end:  # after a list of {…} items
        holder.ca.end.extend(_as_lines(token))
        return
    key, slot = _tail_slot(holder)
    _join(holder.ca.items.setdefault(key, [None, None, None, None]), slot, token)


def _as_lines(token: Any) -> list[Any]:
    """A tail comment token ("\\n" + lines) as the one-token-per-line form of a list's end."""
    return [CommentToken(line, token.start_mark, None) for line in token.value[1:].splitlines(keepends=True)]


def _take_item_tail(seq: CommentedSeq, index: int) -> Any:
    if _is_block(seq[index]):
        return take_tail(seq[index])
    entry = seq.ca.items.get(index)
    return _split_off(entry, 0) if entry else None


def _give_item_tail(seq: CommentedSeq, index: int, token: Any) -> None:
    if _is_block(seq[index]):
        give_tail(seq[index], token)
    else:
        _join(seq.ca.items.setdefault(index, [None, None, None, None]), 0, token)


def _end_comment(seq: CommentedSeq) -> Any:
    """Comment lines kept at the end of a flow-item list, as one token that ends a line."""
    lines = [t for t in (seq.ca.end or []) if isinstance(t, CommentToken)]
    if not lines:
        return None
    seq.ca.end = []
    return CommentToken("\n" + "".join(t.value for t in lines), lines[0].start_mark, None)


def delete_from_seq(parent: CommentedMap, key: str, index: int) -> None:
    """Delete an item; comments that belong to its neighbours stay with them."""
    seq = parent[key]
    before = seq.ca.items[index][1] if index in seq.ca.items else None
    tail = _take_item_tail(seq, index)
    del seq[index]
    if before and index < len(seq):
        entry = seq.ca.items.setdefault(index, [None, None, None, None])
        entry[1] = before + (entry[1] or [])
    if not len(seq):  # an empty list is left out; the comments after it join the key before it
        drop_key(parent, key, tail or _end_comment(seq))
    elif tail is not None:
        _give_item_tail(seq, max(index - 1, 0), tail)


def insert_into_seq(seq: CommentedSeq, position: int, item: CommentedMap) -> None:
    """Insert after item ``position - 1``, moving that item's trailing comment after the new one."""
    if position == 0 or not len(seq):
        seq.insert(position, item)
        return
    tail = _take_item_tail(seq, position - 1)
    seq.insert(position, item)
    if tail is not None:
        _give_item_tail(seq, position, tail)
