#!/usr/bin/env python3
"""Fills the unfinished messages of a Qt Linguist .ts file from earlier translations.

After `cmake --build <dir> --target update_translations`, a string whose context changed (a class
renamed, a tr() moved) comes back unfinished although its text was translated before. This copies
those translations over, then reports what is still left for a translator:

    python3 translations/ts_fill.py translations/sothebais_es.ts \
        --from <(git show HEAD:translations/sothebais_es.ts)
    python3 translations/ts_fill.py translations/sothebais_es.ts --check

A --from file is another .ts, or a JSON object {context: {source: translation}} where a plural
translation is a list of forms. A message takes the translation with its own context first, else the
one translation the sources agree on for the same text in any context. The .ts is written back in
lupdate's layout, so the next lupdate run leaves it unchanged.
"""

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET

UNFINISHED_TYPES = ("unfinished", "vanished", "obsolete")


def is_numerus(message):
    return message.get("numerus") == "yes"


def translation_of(message):
    """The message's translation as a string, a tuple of plural forms, or None when unfinished."""
    node = message.find("translation")
    if node is None or node.get("type") in UNFINISHED_TYPES:
        return None
    if is_numerus(message):
        forms = tuple(form.text or "" for form in node.findall("numerusform"))
        return forms if forms and all(forms) else None
    return node.text or None


def load_sources(paths):
    """{(context, source): translation} from .ts and JSON files."""
    known = {}
    for path in paths:
        if path.endswith(".json"):
            with open(path, encoding="utf-8") as f:
                for context, messages in json.load(f).items():
                    for source, text in messages.items():
                        known[(context, source)] = tuple(text) if isinstance(text, list) else text
            continue
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                text = translation_of(message)
                if text is not None:
                    known[(name, message.findtext("source"))] = text
    return known


def lookup(known, context, source, numerus):
    def fits(text):
        return isinstance(text, tuple) == numerus

    text = known.get((context, source))
    if text is not None and fits(text):
        return text
    candidates = {t for (c, s), t in known.items() if s == source and fits(t)}
    return candidates.pop() if len(candidates) == 1 else None


def fill(root, known):
    filled = 0
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            if translation_of(message) is not None:
                continue
            text = lookup(known, name, message.findtext("source"), is_numerus(message))
            if text is None:
                continue
            node = message.find("translation")
            if node is None:
                node = ET.SubElement(message, "translation")
            node.attrib.pop("type", None)
            for form in list(node):
                node.remove(form)
            if isinstance(text, tuple):
                node.text = None
                for form_text in text:
                    ET.SubElement(node, "numerusform").text = form_text
            else:
                node.text = text
            filled += 1
    return filled


def problems(root):
    """Messages a translator still has to look at, as 'context: source' lines."""
    found = []
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            node = message.find("translation")
            kind = node.get("type") if node is not None else "unfinished"
            if kind in UNFINISHED_TYPES or translation_of(message) is None:
                found.append(f"{kind or 'empty'}  {name}: {message.findtext('source')!r}")
    return found


def escape(text):
    text = (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))
    # lupdate writes control characters other than newline and tab as <byte value="..."/>.
    return re.sub(r"[\x00-\x08\x0b-\x1f]", lambda m: f'<byte value="x{ord(m.group()):x}"/>', text)


def write_element(out, node, depth):
    indent = " " * (4 * max(depth - 1, 0))
    attrs = "".join(f' {key}="{escape(value)}"' for key, value in node.attrib.items())
    children = list(node)
    if not children:
        text = escape(node.text or "")
        out.append(f"{indent}<{node.tag}{attrs}>{text}</{node.tag}>\n" if text or node.tag in (
            "translation", "numerusform", "source", "name") else f"{indent}<{node.tag}{attrs}/>\n")
        return
    out.append(f"{indent}<{node.tag}{attrs}>\n")
    for child in children:
        write_element(out, child, depth + 1)
    out.append(f"{indent}</{node.tag}>\n")


def write_ts(root, path):
    out = ['<?xml version="1.0" encoding="utf-8"?>\n', "<!DOCTYPE TS>\n"]
    write_element(out, root, 0)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(out))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ts", help="the .ts file to fill in place")
    parser.add_argument("--from", dest="sources", nargs="+", default=[],
                        help=".ts or .json files with translations to reuse")
    parser.add_argument("--check", action="store_true",
                        help="only list unfinished and obsolete messages; fail if there are any")
    args = parser.parse_args()

    tree = ET.parse(args.ts)
    root = tree.getroot()
    if args.sources and not args.check:
        filled = fill(root, load_sources(args.sources))
        write_ts(root, args.ts)
        print(f"{args.ts}: filled {filled} message(s)")
    left = problems(root)
    for line in left:
        print(line)
    total = sum(1 for _ in root.iter("message"))
    print(f"{args.ts}: {total - len(left)} of {total} message(s) translated")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
