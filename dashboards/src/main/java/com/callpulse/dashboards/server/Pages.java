package com.callpulse.dashboards.server;

/** The frame every server-rendered page shares, and HTML escaping. */
public final class Pages {
    private Pages() {}

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A page with the shared style sheet; {@code body} is HTML the caller has escaped. Extra head lines may follow. */
    public static String page(String title, String body, String... headLines) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title) + "</title>"
                + "<link rel=\"stylesheet\" href=\"/static/callpulse.css\">");
        for (String h : headLines) {
            b.append(h);
        }
        b.append("</head><body><header><a class=\"brand\" href=\"/\">CallPulse</a><span class=\"title\">").append(escape(title))
                .append("</span></header><main>").append(body).append("</main></body></html>");
        return b.toString();
    }

    public static String message(String title, String message) {
        return page(title, "<p class=\"message\">" + escape(message) + "</p><p><a href=\"/\">Start page</a></p>");
    }

    static String login(String next, String error) {
        return page("Sign in", (error == null ? "" : "<p class=\"error\">" + escape(error) + "</p>")
                + "<form class=\"login\" method=\"post\" action=\"/login?next=" + escape(java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8)) + "\">"
                + "<label>User <input name=\"user\" autocomplete=\"username\" autofocus></label>"
                + "<label>Password <input name=\"password\" type=\"password\" autocomplete=\"current-password\"></label>"
                + "<button type=\"submit\">Sign in</button></form>");
    }
}
