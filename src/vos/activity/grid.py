"""The timeline grid of one day: parallel activities side by side, half an hour a row."""

import datetime as dt

STEP = dt.timedelta(minutes=30)


def _floor(moment: dt.datetime, origin: dt.datetime) -> int:
    return max(int((moment - origin) // STEP), 0)


def _ceil(moment: dt.datetime, origin: dt.datetime) -> int:
    steps, rest = divmod(moment - origin, STEP)
    return int(steps) + (1 if rest else 0)


def day_grid(activities: list, day_start: dt.datetime, day_end: dt.datetime) -> dict | None:
    """Rows of cells for an HTML table: an activity cell spans its rows; lanes never overlap."""
    if not activities:
        return None
    total = _ceil(day_end, day_start)
    placed = []  # (first row, last row exclusive, activity)
    for activity in activities:
        first = _floor(max(activity.starts_at, day_start), day_start)
        last = min(max(_ceil(min(activity.ends_at, day_end), day_start), first + 1), total)
        placed.append((first, last, activity))
    lanes: list[list[tuple[int, int, object]]] = []
    for first, last, activity in sorted(placed, key=lambda item: (item[0], -item[1])):
        for lane in lanes:
            if lane[-1][1] <= first:
                lane.append((first, last, activity))
                break
        else:
            lanes.append([(first, last, activity)])
    top = min(first for first, _last, _activity in placed)
    bottom = max(last for _first, last, _activity in placed)
    starts = {
        (lane_number, first): (last - first, activity)
        for lane_number, lane in enumerate(lanes)
        for first, last, activity in lane
    }
    covered = {
        (lane_number, row)
        for lane_number, lane in enumerate(lanes)
        for first, last, _activity in lane
        for row in range(first + 1, last)
    }
    rows = []
    for row in range(top, bottom):
        cells = []
        for lane_number in range(len(lanes)):
            if (lane_number, row) in starts:
                span, activity = starts[(lane_number, row)]
                cells.append({"activity": activity, "rowspan": span})
            elif (lane_number, row) not in covered:
                cells.append({"empty": True})
        rows.append({"time": day_start + row * STEP, "cells": cells})
    return {"lanes": range(len(lanes)), "rows": rows}
