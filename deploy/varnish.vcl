vcl 4.1;

# Varnish 7 in front of Newsroom (Debian's `varnish` package), started with
# `-p http_gzip_support=off` (see newsroom_normalise_encoding).
# What it does and why: docs/frontend-cache.md. Check a change with
#   varnishd -C -f deploy/varnish.vcl > /dev/null 2>&1 && echo OK
# (without the redirections it shows the error, after pages of C).

import std;

backend newsroom {
    .host = "127.0.0.1";
    .port = "8000";
    # Sent when a request has no Host, and by the probe: it must be one of
    # DJANGO_ALLOWED_HOSTS, or Django answers 400 and the backend counts as sick.
    .host_header = "localhost";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
    .probe = {
        .url = "/robots.txt";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
        # Healthy from the start: the default would refuse every request until
        # the first probe came back.
        .initial = 3;
    }
}

# Who may send PURGE and BAN. Add each app server that publishes, e.g.
#     "10.0.0.5";
# client.ip is the address of the TCP peer, or the one a PROXY-protocol
# listener was told; X-Forwarded-For is never trusted for this.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # Set only by this VCL, never by a client.
    unset req.http.X-Cache;
    if (req.restarts == 0) {
        unset req.http.X-Serve-Stale;
    }

    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.method == "PURGE") {
            call newsroom_normalise_query;
            return (purge);
        }
        call newsroom_ban;
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin, previews and share links are private; the read beacon must
    # reach the app on every read.
    if (req.url ~ "^/(admin|preview|reads)(/|\?|$)") {
        return (pass);
    }
    # Staff are logged in: their pages carry edit links and drafts. Keep in
    # step with SESSION_COOKIE_NAME (Django's default is "sessionid").
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Anything else (csrftoken, analytics) changes nothing on a public page,
    # and the built-in rules would pass every request that carries a cookie.
    unset req.http.Cookie;
    call newsroom_normalise_query;
    call newsroom_normalise_encoding;

    # While the app answers, a copy past its s-maxage is served for at most
    # the app's stale-while-revalidate (60 s) while a fresh one is fetched in
    # the background; older copies are kept (see beresp.grace) only for when
    # the app fails.
    if (req.http.X-Serve-Stale) {
        # Any copy within its own grace; req.grace outlives a restart.
        set req.grace = 3650d;
    } elsif (std.healthy(req.backend_hint)) {
        set req.grace = 60s;
    }
    # Falls through to the built-in vcl_recv (Host and Authorization checks).
}

# Tracking parameters change nothing on the page: dropped, they neither miss
# nor fill the cache. The rest are sorted so that ?b=1&a=2 and ?a=2&b=1 share
# an object. The app sees the cleaned URL too.
sub newsroom_normalise_query {
    if (req.url !~ "\?") {
        return;
    }
    set req.url = regsuball(req.url, "(?i)(?<=[?&])(utm_[a-z0-9_]*|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok)(=[^&]*)?(&|$)", "");
    set req.url = regsub(req.url, "[?&]+$", "");
    set req.url = std.querysort(req.url);
}

# The app keeps each page as Brotli, gzip and plain text and varies on
# Accept-Encoding. Run varnishd with `-p http_gzip_support=off` so that
# Varnish keeps those copies as they are: one per encoding below, each sent
# without work. With its gzip support on, Varnish would fetch only gzip, never
# send Brotli, and unzip the page again for every client that accepts neither
# (halving what a load test without compression measures).
sub newsroom_normalise_encoding {
    if (req.http.Accept-Encoding ~ "\bbr\b") {
        set req.http.Accept-Encoding = "br";
    } elsif (req.http.Accept-Encoding ~ "\bgzip\b") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }
}

# BAN /politics/ drops /politics/ with every query string (?page=3 …), on
# every host name; with "X-Ban-Everything: yes" it drops every page. Bans
# test only obj.* so that the ban lurker clears them in the background.
sub newsroom_ban {
    if (req.http.X-Ban-Everything) {
        if (std.ban("obj.status != 0")) {
            return (synth(200, "Banned everything"));
        }
        return (synth(400, std.ban_error()));
    }
    set req.http.X-Ban-Path = regsub(req.url, "\?.*$", "");
    # Quotes, backslashes and spaces would change the meaning of the ban
    # expression; no page of the site has them.
    if (req.http.X-Ban-Path !~ "^/[^\s\x22\\]*$") {
        return (synth(400, "Bad path"));
    }
    if (std.ban("obj.http.X-Newsroom-Path == " + req.http.X-Ban-Path)) {
        return (synth(200, "Banned " + req.http.X-Ban-Path));
    }
    return (synth(400, std.ban_error()));
}

sub vcl_hit {
    if (obj.ttl > 0s) {
        set req.http.X-Cache = "HIT";
    } else {
        set req.http.X-Cache = "HIT-STALE";
    }
}

sub vcl_miss {
    # A restart after an error looks for a stale copy only: without one, the
    # app is not asked a second time.
    if (req.http.X-Serve-Stale) {
        return (synth(503, "Service Unavailable"));
    }
    set req.http.X-Cache = "MISS";
}

sub vcl_pass {
    set req.http.X-Cache = "PASS";
}

sub vcl_backend_fetch {
    # This reader's fetch has just failed: serving the stale copy must not ask
    # the app again in the background.
    if (bereq.is_bgfetch && bereq.http.X-Serve-Stale) {
        return (abandon);
    }
    unset bereq.http.X-Cache;
    unset bereq.http.X-Serve-Stale;
}

sub vcl_backend_response {
    # The path without its query string, which BAN matches against.
    set beresp.http.X-Newsroom-Path = regsub(bereq.url, "\?.*$", "");

    if (beresp.status >= 500 && !bereq.uncacheable) {
        # Abandoning keeps the stale copy, which a delivered error would
        # replace: a background fetch leaves readers on the stale copy, any
        # other fetch goes to vcl_synth as a 503, which restarts to find it.
        return (abandon);
    }

    # Only what the app marks public is cached (for s-maxage, which Varnish
    # prefers over max-age); the rest, including responses without
    # Cache-Control that Varnish would otherwise keep for default_ttl, is
    # fetched every time.
    if (beresp.http.Cache-Control !~ "(?i)(^|[,\s])public([,\s]|$)") {
        call vcl_beresp_hitmiss;
    }

    # Keep the copy past its lifetime for as long as the app allows it to be
    # served when the app fails.
    if (beresp.http.Cache-Control ~ "(?i)stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control, "(?i)^.*stale-if-error=([0-9]+).*$", "\1s"), beresp.grace);
    }
    # Falls through to the built-in rules: Set-Cookie, private and no-store
    # are never cached.
}

sub vcl_backend_error {
    # The app could not be reached: the same as an error from it.
    if (!bereq.uncacheable) {
        return (abandon);
    }
}

sub vcl_synth {
    # The app failed (or could not be reached) on a page that was not fresh
    # in the cache: try once more, this time accepting a copy of any age
    # within its grace (stale-if-error). vcl_miss stops the second attempt
    # reaching the app.
    if (resp.status == 503 && req.http.X-Cache == "MISS" && req.restarts == 0) {
        set req.http.X-Serve-Stale = "yes";
        return (restart);
    }
}

sub vcl_deliver {
    unset resp.http.X-Newsroom-Path;
    set resp.http.X-Cache = req.http.X-Cache;
}
