"""The one table of export headers: each field's English name and the other names it goes by.

The platforms write their column names in the interface's language and change them between
versions. A field is known by its English name (the key); the table lists the other English names
seen, then the French and Spanish names, and :func:`field_of` reads any of them, whatever its case,
spacing, byte-order mark or trailing non-breaking space.

>>> field_of(" Heure de publication\\u00a0")
('Publish time', 'fr')
>>> field_of("TWEET ID")
('Tweet id', 'en')
>>> field_of("Favourite colour") is None
True
"""

from __future__ import annotations

import re

__all__ = ["HEADERS", "normalise", "field_of"]

# English name: (other English names, French names, Spanish names).
HEADERS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    # Meta Business Suite (Facebook and Instagram)
    "Post ID": ((), ("Identifiant de la publication",), ("Identificador de la publicación",)),
    "Page ID": ((), ("Identifiant de la Page",), ("Identificador de la página",)),
    "Page name": ((), ("Nom de la Page",), ("Nombre de la página",)),
    "Account ID": ((), ("Identifiant du compte",), ("Identificador de la cuenta",)),
    "Account username": ((), ("Nom d'utilisateur du compte",), ("Nombre de usuario de la cuenta",)),
    "Account name": ((), ("Nom du compte",), ("Nombre de la cuenta",)),
    "Title": ((), ("Titre",), ("Título",)),
    "Description": ((), ("Description",), ("Descripción",)),
    "Publish time": ((), ("Heure de publication",), ("Hora de publicación",)),
    "Permalink": ((), ("Lien permanent",), ("Enlace permanente",)),
    "Post type": ((), ("Type de publication",), ("Tipo de publicación",)),
    "Views": ((), ("Vues",), ("Visualizaciones",)),
    "Reach": ((), ("Couverture",), ("Alcance",)),
    "Reactions": ((), ("Réactions",), ("Reacciones",)),
    "Comments": (("Total comments",), ("Commentaires", "Total des commentaires"),
                 ("Comentarios", "Total de comentarios")),
    "Shares": (("Total shares",), ("Partages", "Total des partages"),
               ("Veces que se compartió", "Compartidos", "Total de compartidos")),
    "Total clicks": ((), ("Total des clics", "Clics au total"), ("Clics totales", "Total de clics")),
    "Likes": (("Total likes",), ("J'aime", "Total des J'aime"), ("Me gusta", "Total de Me gusta")),
    "Saves": ((), ("Enregistrements",), ("Guardados",)),
    "Comments added": ((), ("Commentaires ajoutés",), ("Comentarios añadidos",)),
    # X
    "Tweet id": ((), ("Identifiant du Tweet",), ("ID del Tweet",)),
    "Tweet permalink": ((), ("Lien permanent du Tweet",), ("Enlace permanente del Tweet",)),
    "Tweet text": ((), ("Texte du Tweet",), ("Texto del Tweet",)),
    "time": ((), ("heure",), ("hora",)),
    "Impressions": (("Thumbnail impressions",), ("Impressions des miniatures",),
                    ("Impresiones", "Impresiones de miniaturas")),
    "retweets": ((), ("Retweets",), ("Retuits",)),
    "replies": ((), ("réponses",), ("respuestas",)),
    "url clicks": ((), ("clics sur l'URL",), ("clics en URL",)),
    "Post text": ((), ("Texte du post",), ("Texto del post",)),
    "Date": ((), ("Date",), ("Fecha",)),
    "Reposts": ((), ("Republications", "Reposts"), ("Reposts", "Republicaciones")),
    "Engagements": ((), ("Interactions",), ("Interacciones",)),
    # YouTube Studio
    "Content": ((), ("Contenu",), ("Contenido",)),
    "Video title": ((), ("Titre de la vidéo",), ("Título del video",)),
    "Video publish time": ((), ("Heure de publication de la vidéo",), ("Hora de publicación del video",)),
    # LinkedIn
    "Post title": (("Update title",), ("Titre du post",), ("Título de la publicación",)),
    "Post link": (("Update link",), ("Lien du post",), ("Enlace de la publicación", "Enlace del post")),
    "Published by": ((), ("Publié par",), ("Publicado por",)),
    "Created date": ((), ("Date de création",), ("Fecha de creación",)),
    "Clicks": ((), ("Clics",), ("Clics",)),
    # TikTok
    "Video link": ((), ("Lien de la vidéo",), ("Enlace del video",)),
    "Post time": ((), ("Heure de publication du post",), ("Hora de la publicación",)),
    "Total views": ((), ("Total des vues",), ("Total de visualizaciones",)),
}
LANGUAGES = ("en", "fr", "es")


def normalise(header: str) -> str:
    """A header as compared: no byte-order mark, no outer or repeated spaces (non-breaking ones too, and
    underscores, as a renamed "post_id" has), lower case.

    >>> normalise("\\ufeffPost  ID\\u00a0"), normalise("PUBLISH_TIME")
    ('post id', 'publish time')
    """
    text = str(header).replace("\ufeff", "").replace("\u00a0", " ").replace("\u202f", " ").replace("_", " ")
    return re.sub(r"\s+", " ", text).strip().casefold()


def _index() -> dict[str, tuple[str, str]]:
    index: dict[str, tuple[str, str]] = {}
    # English first, so a name shared by two languages ("Date", "Description") reads as English.
    for position, language in enumerate(LANGUAGES):
        for field, names in HEADERS.items():
            spelled = (field, *names[0]) if language == "en" else names[position]
            for name in spelled:
                index.setdefault(normalise(name), (field, language))
    return index


_INDEX = _index()


def field_of(header: str) -> tuple[str, str] | None:
    """The field a header names and the language it is written in, or None for a header the table lacks."""
    return _INDEX.get(normalise(header))
