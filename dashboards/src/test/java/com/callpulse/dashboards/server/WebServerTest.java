package com.callpulse.dashboards.server;

import com.callpulse.dashboards.access.AccessControl;
import com.callpulse.dashboards.testing.Browser;
import com.callpulse.dashboards.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebServerTest {
    @TempDir
    static Path lake; // static: an instance @TempDir is not injected yet in a PER_CLASS @BeforeAll
    TestServer server;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(lake, null);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void anAnonymousBrowserIsSentToSignInAndAnAnonymousClientGets401() throws Exception {
        HttpResponse<String> page = server.getText("/", null);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue("/login?next=%2F");
        assertThat(server.getText("/login", null).body()).contains("<form class=\"login\"");
        assertThat(server.getText("/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void theStartPageSaysWhoIsSignedInAndWhatTheySee() throws Exception {
        assertThat(server.getText("/", "ops").body()).contains("Signed in as <b>ops</b>, operator: every tenant");
        assertThat(server.getText("/", "ah").body()).contains("Signed in as <b>ah</b>, tenant cmcc-ah");
    }

    @Test
    void wrongPasswordsAndUnknownTokensAreRefused() throws Exception {
        HttpResponse<String> r = server.http().send(HttpRequest.newBuilder(URI.create(server.url("/")))
                .header("Authorization", "Bearer not-a-token").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(303); // a page: back to sign-in
        HttpResponse<String> login = server.http().send(HttpRequest.newBuilder(URI.create(server.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("user=ops&password=guess")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(login.headers().firstValue("Set-Cookie")).isEmpty();
        HttpResponse<String> token = server.http().send(HttpRequest.newBuilder(URI.create(server.url("/")))
                .header("Authorization", "Bearer " + TestServer.AH_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.body()).contains("Signed in as <b>ah-token</b>, tenant cmcc-ah");
    }

    @Test
    void aSessionCookieSignsInAndSigningOutEndsIt() throws Exception {
        String session = server.signIn("lx");
        HttpRequest withCookie = HttpRequest.newBuilder(URI.create(server.url("/"))).header("Cookie", AccessControl.SESSION_COOKIE + "=" + session).build();
        assertThat(server.http().send(withCookie, HttpResponse.BodyHandlers.ofString()).body()).contains("tenant mvno-lx");
        server.http().send(HttpRequest.newBuilder(URI.create(server.url("/logout"))).header("Cookie", AccessControl.SESSION_COOKIE + "=" + session).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(server.http().send(withCookie, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(303);
    }

    @Test
    void staticFilesAreServedOnlyByName() throws Exception {
        assertThat(server.getText("/static/callpulse.css", null).body()).contains("--green");
        assertThat(server.getText("/static/../callpulse-defaults.yaml", null).statusCode()).isEqualTo(404);
        assertThat(server.getText("/static/%2e%2e%2fcallpulse-defaults.yaml", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aRealBrowserSignsIn() throws Exception {
        Browser.requireInstalled();
        try (Browser b = Browser.start()) {
            b.open(server.url("/"));
            assertThat(b.script("return location.pathname;").asText()).isEqualTo("/login");
            b.script("document.querySelector('input[name=user]').value = 'ah';"
                    + "document.querySelector('input[name=password]').value = arguments[0];"
                    + "document.querySelector('form.login').submit();", TestServer.PASSWORD);
            assertThat(b.waitFor("return document.body.textContent;", v -> v.asText().contains("Signed in as"), Duration.ofSeconds(10)).asText())
                    .contains("Signed in as ah, tenant cmcc-ah");
        }
    }
}
