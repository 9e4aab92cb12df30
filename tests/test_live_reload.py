"""What the server adds to the page it hands out: the reload script and its policy, and a
failed rebuild's problems; the rest of the page byte for byte."""

from __future__ import annotations

from briefing.commands.live_reload import with_live_reload

POLICY = "default-src &#39;none&#39;; style-src &#39;sha256-abc&#39;; img-src data:"
PAGE = (
    f'<html><head><meta http-equiv="Content-Security-Policy" content="{POLICY}">'
    "</head><body><p>Ünïcödé — “quoted” &lt;/body&gt; 北朝鮮</p></body>\n</html>\n"
)


def test_the_script_goes_before_the_closing_tag_and_is_allowed() -> None:
    served = with_live_reload(PAGE.encode("utf-8")).decode("utf-8")
    assert served.endswith("location.reload();</script>\n</body>\n</html>\n")
    assert "default-src &#39;none&#39;; script-src &#39;sha256-" in served
    assert "connect-src &#39;self&#39;; style-src &#39;sha256-abc&#39;" in served
    # Everything else is as written.
    added = served[served.index(" script-src") : served.index(" style-src")]
    assert (
        served.replace(added, "").replace(served[served.index("<script>") :], "")
        == (PAGE[: PAGE.index("</body>")])
    )
    assert "<p>Ünïcödé — “quoted” &lt;/body&gt; 北朝鮮</p>" in served


def test_problems_are_laid_over_with_their_style_allowed_and_escaped() -> None:
    served = with_live_reload(PAGE.encode("utf-8"), ["f.yaml:1:2: error: <b>“x”</b>"]).decode()
    assert "style-src &#39;sha256-" in served and served.count("sha256-") == 3
    assert "<li>f.yaml:1:2: error: &lt;b&gt;“x”&lt;/b&gt;</li>" in served
    assert served.index('class="build-problems"') < served.index("<script>")
    assert served.rstrip().endswith("</body>\n</html>")


def test_the_last_closing_tag_takes_the_script() -> None:
    page = PAGE.replace("<p>", "<pre>raw </body> in text</pre><p>").encode()
    served = with_live_reload(page).decode()
    assert "raw </body> in text" in served
    assert served.index("<script>") > served.index("raw </body>")


def test_a_page_without_a_policy_or_a_body_is_left_as_it_is_there() -> None:
    assert with_live_reload(b"<p>plain</p>") == b"<p>plain</p>"
    served = with_live_reload(b"<p>x</p></body>")
    assert served.startswith(b"<p>x</p><script>") and served.endswith(b"</body>")


def test_a_stream_counts_from_when_it_is_asked_for_and_closing_frees_its_place() -> None:
    """Streams are ended oldest first in the order they were asked for, even before
    any of them is read from; one closed unread gives its place up."""
    from briefing.commands.live_reload import Reloads

    reloads = Reloads(most_streams=2)
    first, second = reloads.follow(), reloads.follow()
    assert reloads.streams == 2
    third = reloads.follow()  # the first is ended, though nobody has read from it
    assert reloads.streams == 2 and list(first) == []
    second.close()
    assert reloads.streams == 1
    reloads.notify()
    assert next(iter(third)) is True
    third.close()
    assert reloads.streams == 0
