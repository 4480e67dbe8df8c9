"""Same-language match recall and the links it may cost (issue 12), on short sentences written here."""

from reviewer.engine.align import align
from reviewer.models import Article, Cluster
from reviewer.io.segment import segment


def cluster(*texts, date="2024-03-02"):
    arts = []
    for n, t in enumerate(texts):
        a = Article(id=f"art{n}", path=f"art{n}.txt", body=t, date=date)
        a.sentences = segment(t)
        arts.append(a)
    return Cluster(arts)


def pairs(cl, relation="match"):
    return {(l.a.article, l.a.sentence, l.b.article, l.b.sentence) for l in align(cl) if l.relation == relation}


# --- a match inside one article rests on its words, not on the model --------------

def test_an_article_saying_a_thing_twice_in_other_words_is_no_within_article_match():
    # The model finds these two close (cosine about 0.97), their words are not the same.
    text = ("Thousands of residents fled the flooded town overnight. The council met in the school hall. "
            "Overnight, thousands of people escaped from the town as it flooded.")
    other = "Engineers will inspect the bridge over the Vessa next week."
    links = align(cluster(text, other))
    assert not [l for l in links if l.a.article == l.b.article and l.relation == "match"]
