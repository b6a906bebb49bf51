"""Helpers of scripts/bench/audit-log: the synthetic export, the two peers, and a timer.

  generate ROWS PATH        a Flock network audit of ROWS searches, with the real exports' quirks
  python PATH               the plain csv + re peer: immigration searches per organisation, as JSON
  duckdb PATH               the DuckDB peer (read_csv + regexp_matches + GROUP BY), as JSON
  ours JSON_FILE            immigration searches per organisation from `audit-log scan --json`
  measure OUT -- CMD...     runs CMD with stdout to OUT; prints wall seconds and peak RSS in KiB
"""

import csv
import json
import os
import random
import re
import subprocess
import sys
import time

HEADER = ["ID", "Name", "Org Name", "Total Networks Searched", "Time Frame", "License Plate", "Reason",
          "Case #", "Filters", "Search Time", "Search Type", "Text Prompt", "Moderation"]

# Reasons as they appear in published logs, and near misses a careless matcher would count.
IMMIGRATION = ["ICE", "ICE+ERO", "immigration", "ICE WARRANT", "illegal immigration", "HSI investigation", "CBP request",
               "USBP", "287(g)", "deportation", "illegal alien", "immigration (civil/administrative)", "assist ICE",
               "Border Patrol"]
ORDINARY = ["investigation", "case", "stolen vehicle", "suspicious vehicle", "police", "office burglary", "juice bar robbery",
            "notice to appear", "ice cream truck theft", "Alice Street burglary", "VICE unit", "vice", "Homeland Dr hit and run",
            "missing person", "homicide", "robbery", "hit and run", "narcotics", "Amber Alert", "shots fired", "fraud",
            "warrant service", "welfare check", "domestic violence", "catalytic converter theft", "\"BOLO\" from dispatch",
            "theft, shoplifting", "No Kings protest", "had an abortion, search for female", "***", ""]

# The same question for the peers: immigration words, minus the ice-cream kind of "ice".
IMMIGRATION_RE = (r"(?i)\b(ice|ero|hsi|cbp|usbp|287\s*\(?g\)?|287g|deport\w*|immigra\w*|illegal aliens?|alien|"
                  r"border patrol|homeland security|undocumented)\b")
EXCEPT_RE = r"(?i)\bice (cream|storm|rink|skating)\b|\bblack ice\b|\bpossession of ice\b"


def generate(rows, path):
    rng = random.Random(14)
    orgs = [f"{city} {state} PD" for city in ["Dallas", "Danville", "Mesa", "Tulsa", "Reno", "Sparks", "Fresno", "Akron", "Macon",
                                                "Provo", "Boise", "Salem", "Eugene", "Ocala", "Tyler", "Waco"]
            for state in ["TX", "IL", "AZ", "OK", "NV", "CA", "OH", "GA"]] + ["***", "Fort Worth, TX PD", "Café \"Central\" Police"]
    reasons = IMMIGRATION + ORDINARY * 12
    batch = []
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("\ufeff")
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(HEADER)
        for i in range(1, rows + 1):
            day = 1 + i % 28
            month = 1 + (i // 997) % 12
            plate = "***" if i % 50 == 0 else f"{rng.randrange(36**7):07X}"[-7:]
            batch.append([
                i, "***" if i % 40 == 0 else f"Officer {i % 5000}", orgs[rng.randrange(len(orgs))], rng.randrange(1, 7000),
                f"{month:02d}/{day:02d}/2025 12:00 AM -\n{month:02d}/{day:02d}/2025 11:59 PM", plate,
                reasons[rng.randrange(len(reasons))], f"25-{i}", '{"make":"Ford","color":"white"}' if i % 3 == 0 else "",
                f"2025-{month:02d}-{day:02d} {i % 24:02d}:{i % 60:02d}:{i % 59:02d}", "Lookup" if i % 5 else "Full plate",
                "white truck" if i % 7 == 0 else "", "",
            ])
            if len(batch) == 50_000:
                writer.writerows(batch)
                batch.clear()
        writer.writerows(batch)


def python_peer(path):
    wanted, excluded = re.compile(IMMIGRATION_RE), re.compile(EXCEPT_RE)
    counts = {}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        org, reason = header.index("Org Name"), header.index("Reason")
        for row in reader:
            text = row[reason]
            if wanted.search(text) and not excluded.search(text):
                counts[row[org]] = counts.get(row[org], 0) + 1
    return counts


def duckdb_peer(path):
    import duckdb  # installed by scripts/bench/audit-log into its own venv

    query = """
        SELECT "Org Name", count(*) FROM read_csv(?, header = true, all_varchar = true, quote = '"', escape = '"', delim = ',')
        WHERE regexp_matches("Reason", ?) AND NOT regexp_matches("Reason", ?)
        GROUP BY 1"""
    rows = duckdb.execute(query, [path, IMMIGRATION_RE, EXCEPT_RE]).fetchall()
    return {org: count for org, count in rows}


def ours(json_file):
    counts = {}
    with open(json_file) as handle:
        for group in json.load(handle)["groups"]:
            if group["category"] == "immigration":
                counts[group["organization"]] = counts.get(group["organization"], 0) + group["searches"]
    return counts


def measure(out, command):
    start = time.perf_counter()
    with open(out, "wb") as handle:
        process = subprocess.Popen(command, stdout=handle)
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"error: {' '.join(command)} exited {os.waitstatus_to_exitcode(status)}")
    print(f"{wall:.3f} {usage.ru_maxrss}")


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "generate":
        generate(int(sys.argv[2]), sys.argv[3])
    elif kind == "measure":
        measure(sys.argv[2], sys.argv[4:])
    else:
        result = {"python": python_peer, "duckdb": duckdb_peer, "ours": ours}[kind](sys.argv[2])
        json.dump(dict(sorted(result.items())), sys.stdout, ensure_ascii=False)
