"""Fails when a public declaration of the library has no documentation comment.

Reads the symbol graph that `swift package dump-symbol-graph` writes (given as the argument).
Members the compiler synthesizes for a conformance (`hashValue`, `hash(into:)`, …) have no source
location and are not counted.
"""
import json
import sys

graph = json.load(open(sys.argv[1]))
missing = []
for symbol in graph["symbols"]:
    if symbol["accessLevel"] not in ("public", "open") or symbol.get("docComment"):
        continue
    location = symbol.get("location")
    if location is None:
        continue
    path = location["uri"].split("/Sources/", 1)[-1]
    line = location["position"]["line"] + 1
    missing.append(f"Sources/{path}:{line}: {'.'.join(symbol['pathComponents'])} has no /// documentation")
for entry in sorted(missing):
    print(entry)
if missing:
    print(f"doc coverage: {len(missing)} public declarations are undocumented")
    sys.exit(1)
print("doc coverage: every public declaration is documented")
