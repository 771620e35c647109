package com.callpulse.dashboards.demo;

import com.callpulse.dashboards.access.PasswordHash;
import com.callpulse.dashboards.config.DashboardsConfig;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's sign-in: an operator user and one user per tenant, each with a fresh random password, written as a
 * configuration overlay (only hashes) and printed once, so a demo never ships a known password.
 */
public final class DemoSetup {
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private DemoSetup() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].equals("--out")) {
            System.err.println("usage: DemoSetup --out FILE");
            System.exit(2);
        }
        DashboardsConfig config = DashboardsConfig.defaults();
        SecureRandom random = new SecureRandom();
        Map<String, String> users = new LinkedHashMap<>();
        users.put("operator", "*");
        config.tenants().forEach(t -> users.put(t.id(), t.id()));
        YAMLMapper yaml = new YAMLMapper();
        ObjectNode root = yaml.createObjectNode();
        ArrayNode list = root.putObject("dashboards").putArray("users");
        StringBuilder printed = new StringBuilder();
        for (Map.Entry<String, String> u : users.entrySet()) {
            StringBuilder pw = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                pw.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            list.addObject().put("name", u.getKey()).put("password_hash", PasswordHash.hashPassword(pw.toString().toCharArray())).put("tenant", u.getValue());
            printed.append(String.format("  %-10s %-14s %s%n", u.getKey(), pw, u.getValue().equals("*") ? "every tenant" : "tenant " + u.getValue()));
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, "# written by ./callpulse demo: users of this demo run (passwords were printed once)\n" + yaml.writeValueAsString(root));
        System.out.print("Sign in as (user, password, sees):\n" + printed);
    }
}
