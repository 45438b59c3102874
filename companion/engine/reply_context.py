"""Who wrote the message and where: a first guess from the words, which the user confirms or corrects.

The guess only sets defaults (the register of the draft, public or private, how the person is named); the user's
own answer always wins. A relation the user names ("ma mère a écrit…") is how the session names the person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from companion.engine.text import normalise

CONTEXTS = ("family", "partner", "friend", "colleague", "manager", "client", "teacher-school", "neighbour",
            "group-chat", "stranger-public", "troll", "gaming", "dating")

# Cues on the accent-free, lower-case text; the first context whose cue matches wins, in this order.
_CUES: tuple[tuple[str, str], ...] = (
    ("teacher-school", r"votre (?:fille|fils|enfant)|(?:ecole|maitresse|instit|\beleves?\b|college|lycee|cantine|"
                       r"devoirs|cahier|carnet|reunion parents)|your (?:son|daughter|child|kid)|homework|"
                       r"parents? (?:evening|meeting)|\bschool\b|teacher"),
    ("neighbour", r"voisin|\bchien\b|aboy|tapage|palier|immeuble|copropri|poubelles?|neighbou?r|barking|\bdog\b"),
    ("client", r"factur|devis|commande|livraison|rembours|\bclient|etoiles?|service client|\blogo\b|prestation|"
               r"invoice|refund|\breview|\bstaff\b|overpriced|\bavoid\b|customer|\border\b|\bstars?\b"),
    ("manager", r"votre rapport|votre place dans|mon bureau|entretien annuel|\bvos objectifs|votre poste|"
                r"your (?:level|position|performance|report)|my office|\bpriorities\b|performance review"),
    ("colleague", r"\bboss\b|reunion|collegue|\bslack\b|\bteams\b|\bdeck\b|\bprojet\b|meeting|open space|"
                  r"en copie|\bcc\b|coworker|co-worker|colleague|\bthe team\b|l equipe"),
    ("gaming", r"\bhealer\b|\btank\b|\bnoob\b|\bgg\b|ranked|\bqueue\b|\bcarry\b|\bfeed(?:er|ing)?\b|jungle|"
               r"\blag\b|\bgame\b|\bpartie\b|fortnite|valorant|\blol\b(?= game)|twitch|discord serv"),
    ("troll", r"encore toi|jte lacherai|je te lacherai|chacun de tes posts|tous tes posts|every (?:one of )?your "
              r"posts|not going anywhere|je vais pas te lacher"),
    ("group-chat", r"regardez|partagez|les gars|le groupe|\bgroupe\b|everyone look|\bguys\b|group chat|"
                   r"trop bien pour nous"),
    ("dating", r"\bmatch\b|tinder|bumble|hinge|\bdate\b|rencard|captures? de notre|notre appel"),
    ("family", r"\bmaman\b|\bpapa\b|ma fille|mon fils|\btante\b|\boncle\b|cousine?\b|grand mere|ta mere|"
               r"ton pere|\bmamie\b|\bpapi\b|\btata\b|\btonton\b|ma mere|mon pere|"
               r"\bmom\b|\bmum\b|\bdad\b|grandma|grandpa|your post.* mom|\bfamille\b|\bfamily\b|since your post"),
    ("partner", r"notre couple|mon amour|\bcheri|\bbebe\b|\bbabe\b|our relationship|with your friends again|"
                r"sit here alone"),
    ("friend", r"ma pote|mon pote|ta pote|\bbff\b|\bpriorite\b|pour ton mec|pour ta meuf|best friend|\bbestie\b"),
    ("stranger-public", r"\bpost\b|\bcoach\b|abonnes|followers|influenc|vaccin|politi|imagine being|"
                        r"confidently wrong|\bthread\b|commentaire"),
)
_COMPILED = tuple((context, re.compile(pattern)) for context, pattern in _CUES)
_PUBLIC = re.compile(r"en public|devant tout le monde|sous (?:ma|ta|mon|ton|mes|tes|la|le|les|sa|son|ses) "
                     r"(?:\w+ )?(?:photos?|posts?|videos?|publications?|stor(?:y|ies)|reels?|tweets?)|"
                     r"en commentaire|a commente|(?<![a-z])commente (?:sous|ma|mon|mes)|dans les commentaires|"
                     r"dans le groupe|partagez|regardez|publicly|in front of everyone|under (?:my|your|the|his|her) "
                     r"(?:\w+ )?(?:photos?|posts?|videos?|reels?|tweets?)|in the comments|in the group|"
                     r"commented (?:on|under)|replied to my (?:post|tweet)|on my wall")

# Relations the user names, and how the session then speaks of that person (tu / vous).
_RELATIONS: tuple[tuple[str, str, str, str], ...] = (
    (r"ma mere|maman", "family", "ta mère", "votre mère"),
    (r"mon pere|papa", "family", "ton père", "votre père"),
    (r"ma soeur", "family", "ta sœur", "votre sœur"),
    (r"mon frere", "family", "ton frère", "votre frère"),
    (r"ma fille", "family", "ta fille", "votre fille"),
    (r"mon fils", "family", "ton fils", "votre fils"),
    (r"ma belle-mere|ma belle mere", "family", "ta belle-mère", "votre belle-mère"),
    (r"mon beau-pere|mon beau pere", "family", "ton beau-père", "votre beau-père"),
    (r"ma grand-mere|mamie", "family", "ta grand-mère", "votre grand-mère"),
    (r"ma tante|tata", "family", "ta tante", "votre tante"),
    (r"mon oncle|tonton", "family", "ton oncle", "votre oncle"),
    (r"ma cousine", "family", "ta cousine", "votre cousine"),
    (r"mon cousin", "family", "ton cousin", "votre cousin"),
    (r"ma belle-soeur|ma belle soeur", "family", "ta belle-sœur", "votre belle-sœur"),
    (r"mon beau-frere|mon beau frere", "family", "ton beau-frère", "votre beau-frère"),
    (r"ma copine|ma meuf|ma femme", "partner", "ta compagne", "votre compagne"),
    (r"mon copain|mon mec|mon mari", "partner", "ton compagnon", "votre compagnon"),
    (r"ma pote|ma meilleure amie|mon amie", "friend", "ton amie", "votre amie"),
    (r"mon pote|mon meilleur ami|mon ami", "friend", "ton ami", "votre ami"),
    (r"ma collegue", "colleague", "ta collègue", "votre collègue"),
    (r"mon collegue", "colleague", "ton collègue", "votre collègue"),
    (r"ma cheffe|ma manageuse|ma patronne|ma responsable", "manager", "ta responsable", "votre responsable"),
    (r"mon chef|mon manager|mon patron|mon responsable|mon boss", "manager", "ton responsable",
     "votre responsable"),
    (r"ma voisine", "neighbour", "ta voisine", "votre voisine"),
    (r"mon voisin", "neighbour", "ton voisin", "votre voisin"),
    (r"ma cliente", "client", "ta cliente", "votre cliente"),
    (r"mon client|un client", "client", "ton client", "votre client"),
    (r"my mom|my mum|my mother", "family", "your mother", "your mother"),
    (r"my dad|my father", "family", "your father", "your father"),
    (r"my sister", "family", "your sister", "your sister"),
    (r"my brother", "family", "your brother", "your brother"),
    (r"my aunt", "family", "your aunt", "your aunt"),
    (r"my uncle", "family", "your uncle", "your uncle"),
    (r"my cousin", "family", "your cousin", "your cousin"),
    (r"my boss|my manager", "manager", "your manager", "your manager"),
    (r"my colleague|my coworker", "colleague", "your colleague", "your colleague"),
    (r"my boyfriend|my husband", "partner", "your partner", "your partner"),
    (r"my girlfriend|my wife", "partner", "your partner", "your partner"),
    (r"my neighbou?r", "neighbour", "your neighbour", "your neighbour"),
    (r"my (?:best )?friend", "friend", "your friend", "your friend"),
)
_RELATIONS_COMPILED = tuple((re.compile(r"(?<![a-z])(?:" + p + r")(?![a-z])"), c, tu, vous)
                            for p, c, tu, vous in _RELATIONS)


@dataclass(frozen=True)
class Guess:
    """The session's first guess: who (a LABELS context), where (public or private), and a name if one was said."""

    context: str | None
    channel: str | None
    person_tu: str | None = None
    person_vous: str | None = None


def _plain(text: str) -> str:
    return re.sub(r"[^a-z0-9@#]+", " ", normalise(text).replace("'", " ")).strip()


def guess(received: str, story: str = "") -> Guess:
    """Who sent ``received`` and where, from its words and from what the user said about it (``story``)."""
    told, said = _plain(story), _plain(received)
    for pattern, context, tu, vous in _RELATIONS_COMPILED:
        if pattern.search(told):
            channel = "public" if _PUBLIC.search(told) or _PUBLIC.search(said) else None
            return Guess(context, channel, tu, vous)
    context = None
    for name, pattern in _COMPILED:
        if pattern.search(told) or pattern.search(said):
            context = name
            break
    channel = "public" if _PUBLIC.search(told) or _PUBLIC.search(said) else None
    return Guess(context, channel)
