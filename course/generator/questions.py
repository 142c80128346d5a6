"""Questions typed another way: real people never type the same question word for word.

The comments' texts come from a few templates, so counting identical texts would find the
frequent questions far too easily. This module retypes some questions after the comments are
made, from a random stream of its own, and changes nothing but their ``text``:

- a *form* variant keeps the words and changes case, punctuation or spacing, so lowercasing,
  dropping punctuation and collapsing spaces brings it back to its template;
- a *reworded* variant asks the same thing in other words, which only a tag given by a keyword
  puts with the others (every rewording keeps the keyword of its template's tag).

>>> import numpy as np
>>> comments = pd.DataFrame({"label": ["question"] * 400 + ["praise"],
...                          "text": ["When is the next consultation open?"] * 400 + ["Well done."]})
>>> out = retype_questions(comments, np.random.default_rng(1))
>>> out["text"].iloc[-1], out["text"].nunique() > 3
('Well done.', True)
>>> bool((out["text"] == comments["text"]).mean() < 1)
True
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

#: Share of the questions retyped with another case, punctuation or spacing.
FORM_SHARE = 0.25
#: Share of the questions asked in other words (on top of the form variants).
REWORDED_SHARE = 0.12

#: Other ways of asking each question template ({t} is the post's topic), keeping its keyword.
REWORDINGS = {
    "When will the committee publish its report on {t}?": [
        "Is the committee's report on {t} out yet?",
        "Any date for the report on {t}?",
    ],
    "Where can I watch the debate on {t}?": [
        "Is the debate on {t} streamed? Where can I watch it",
        "Can I watch the {t} debate online?",
    ],
    "How can I send my views on {t} to my representative?": [
        "How do I tell my representative what I think about {t}?",
        "who is my representative and how do I contact them about {t}?",
    ],
    "Is the sitting on {t} open to the public?": [
        "Can members of the public attend the sitting on {t}?",
        "Is it open to the public? I would like to come to the sitting on {t}.",
    ],
    "What does this change mean for people like me?": [
        "What does this mean for my family?",
        "So what does all this mean for ordinary people?",
    ],
    "Can you share the full text of the bill?": [
        "Where can I read the bill itself?",
        "Is there a link to the bill please",
    ],
    "When is the next consultation open?": [
        "Will there be another consultation soon?",
        "how do I take part in the next consultation",
    ],
    "Who voted for this and where can I see the list?": [
        "How did each member vote on this?",
        "Is there a list of who voted for it?",
    ],
}


def _form_variants(text: str) -> list[str]:
    """The same words with another case, punctuation or spacing."""
    bare = text.rstrip("?.!")
    words = bare.split(" ")
    middle = len(words) // 2
    spaced = " ".join(words[:middle]) + "  " + " ".join(words[middle:])
    return [text.lower(), bare, bare + " ??", text.upper(), spaced + "?", bare.lower() + "?!", text[0].lower() + text[1:]]


def _patterns() -> list[tuple[re.Pattern, list[str]]]:
    found = []
    for template, others in REWORDINGS.items():
        pattern = re.escape(template).replace(re.escape("{t}"), "(?P<t>.+)")
        found.append((re.compile(f"^{pattern}$"), others))
    return found


def _reworded(text: str, pick: int) -> str:
    for pattern, others in _patterns():
        match = pattern.match(text)
        if match:
            topic = match.groupdict().get("t", "")
            return others[pick % len(others)].format(t=topic)
    return text


def retype_questions(comments: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """``comments`` with some questions' ``text`` retyped (see the module); every other value unchanged."""
    out = comments.copy()
    texts = out["text"].to_numpy(dtype=object, copy=True)
    where = np.flatnonzero(out["label"].astype(str).to_numpy() == "question")
    draw = rng.random(len(where))
    pick = rng.integers(0, 1000, len(where))
    for i, d, k in zip(where, draw, pick):
        if d < FORM_SHARE:
            options = _form_variants(texts[i])
            texts[i] = options[k % len(options)]
        elif d < FORM_SHARE + REWORDED_SHARE:
            texts[i] = _reworded(texts[i], k)
    out["text"] = texts
    return out
