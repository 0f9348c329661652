"""
The services a link in a story can be embedded from, and the origins they may be framed from.

Plain data with no Django import: newsroom/settings.py reads it for the
Content Security Policy's frame-src and as the default EMBED_PROVIDERS, and
articles/embeds.py reads settings.EMBED_PROVIDERS, so the sanitiser and the
policy frame the same origins (tests/articles/test_embeds.py holds them to it).

Each provider:
- name: what readers are told the content loads from;
- patterns: regular expressions a pasted address must match in full; their
  named groups fill the frame template;
- endpoint: its oEmbed endpoint, or None where there is none (Google Maps);
- frame_origins: the only origins an iframe from it may load;
- frame: optional; the iframe address built from the pasted address's groups
  ({url} is the whole address, quoted) or from `frame_html`'s groups, for
  services whose oEmbed answer is a script rather than an iframe (X,
  Instagram, TikTok, Facebook, Bluesky) — their scripts never run here;
- frame_html: optional; a regular expression over the oEmbed answer's HTML.

Endpoints and patterns follow oembed.com's registry as micawber 0.8 ships it
(docs/live-and-media.md says why it is not a dependency).
"""

PROVIDERS = [
    {
        "name": "YouTube",
        "patterns": [
            r"https?://(?:www\.|m\.)?youtube\.com/(?:watch\?\S*v=|shorts/|live/)[\w-]+\S*",
            r"https?://youtu\.be/[\w-]+\S*",
        ],
        "endpoint": "https://www.youtube.com/oembed",
        "frame_origins": [
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
        ],
    },
    {
        "name": "Vimeo",
        "patterns": [r"https?://(?:www\.)?vimeo\.com/\d+\S*"],
        "endpoint": "https://vimeo.com/api/oembed.json",
        "frame_origins": ["https://player.vimeo.com"],
    },
    {
        "name": "X",
        "patterns": [
            r"https?://(?:www\.)?(?:twitter|x)\.com/\w+/status(?:es)?/(?P<id>\d+)\S*"
        ],
        "endpoint": "https://publish.x.com/oembed",
        "frame_origins": ["https://platform.twitter.com"],
        "frame": "https://platform.twitter.com/embed/Tweet.html?id={id}&dnt=true",
    },
    {
        "name": "Bluesky",
        "patterns": [r"https://bsky\.app/profile/[^/\s]+/post/\w+"],
        "endpoint": "https://embed.bsky.app/oembed",
        "frame_origins": ["https://embed.bsky.app"],
        "frame": "https://embed.bsky.app/embed/{uri}",
        "frame_html": r'data-bluesky-uri="at://(?P<uri>did:[\w:.-]+/app\.bsky\.feed\.post/\w+)"',
    },
    {
        "name": "Instagram",
        "patterns": [
            r"https?://(?:www\.)?instagram\.com/(?:[\w.]+/)?(?P<kind>p|reel|tv)/(?P<id>[\w-]+)/?\S*"
        ],
        "endpoint": "https://graph.facebook.com/v16.0/instagram_oembed",
        "frame_origins": ["https://www.instagram.com"],
        "frame": "https://www.instagram.com/{kind}/{id}/embed/",
    },
    {
        "name": "TikTok",
        "patterns": [r"https?://(?:www\.)?tiktok\.com/@[\w.-]+/video/(?P<id>\d+)\S*"],
        "endpoint": "https://www.tiktok.com/oembed",
        "frame_origins": ["https://www.tiktok.com"],
        "frame": "https://www.tiktok.com/embed/v2/{id}",
    },
    {
        "name": "Facebook",
        "patterns": [
            r"https://www\.facebook\.com/[\w.-]+/(?:posts|videos)/\S+",
            r"https://www\.facebook\.com/(?:permalink|video)\.php\?\S+",
        ],
        "endpoint": "https://graph.facebook.com/v16.0/oembed_post",
        "frame_origins": ["https://www.facebook.com"],
        "frame": "https://www.facebook.com/plugins/post.php?href={url}",
    },
    {
        "name": "SoundCloud",
        "patterns": [r"https://(?:www\.|on\.)?soundcloud\.com/\S+"],
        "endpoint": "https://soundcloud.com/oembed",
        "frame_origins": ["https://w.soundcloud.com"],
    },
    {
        "name": "Spotify",
        "patterns": [r"https://open\.spotify\.com/\S+"],
        "endpoint": "https://open.spotify.com/oembed",
        "frame_origins": ["https://open.spotify.com"],
    },
    {
        "name": "Flourish",
        "patterns": [
            r"https://public\.flourish\.studio/(?:visualisation|story)/\d+\S*"
        ],
        "endpoint": "https://app.flourish.studio/api/v1/oembed",
        "frame_origins": ["https://flo.uri.sh"],
    },
    {
        "name": "Datawrapper",
        "patterns": [r"https://datawrapper\.dwcdn\.net/\w+\S*"],
        "endpoint": "https://api.datawrapper.de/v3/oembed/",
        "frame_origins": ["https://datawrapper.dwcdn.net"],
    },
    {
        # No oEmbed: the address from Google Maps' "Share › Embed a map" is the frame.
        "name": "Google Maps",
        "patterns": [r"https://www\.google\.com/maps/embed\?\S+"],
        "endpoint": None,
        "frame_origins": ["https://www.google.com"],
        "frame": "{raw_url}",
    },
]


def frame_origins(providers):
    """Return every origin the providers may be framed from, sorted: the CSP's frame-src."""
    return sorted(
        {origin for provider in providers for origin in provider["frame_origins"]}
    )
