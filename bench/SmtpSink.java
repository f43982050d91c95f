import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A mail server for the bench scripts that accepts every mail and writes one line per mail it received to a file:
 * the Message-ID (Ordo's is the message's id) and the time. Counting the lines per Message-ID shows a mail
 * delivered twice; comparing them with the outbox shows a mail lost. JDK only, loopback only, no TLS, no auth:
 *   java bench/SmtpSink.java PORT RECEIVED.log
 */
public class SmtpSink {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path log = Path.of(args[1]);
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket socket = server.accept();
                new Thread(() -> converse(socket, log)).start();
            }
        }
    }

    private static void converse(Socket socket, Path log) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream raw = socket.getOutputStream()) {
            PrintWriter out = new PrintWriter(raw, true, StandardCharsets.UTF_8);
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 sink");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        String id = "(none)";
                        boolean headers = true;
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            if (line.isEmpty()) {
                                headers = false;
                            } else if (headers && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                                id = line.substring(11).trim();
                            }
                        }
                        // written before the 250: a mail the sender counts as sent is always in the log
                        synchronized (SmtpSink.class) {
                            Files.writeString(log, id + " " + System.currentTimeMillis() + "\n", StandardCharsets.UTF_8,
                                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                        }
                        reply(out, "250 ok");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok"); // MAIL, RCPT, RSET, NOOP
                }
            }
        } catch (Exception e) {
            // the sender went away (a node killed mid-mail): the mail was not received
        }
    }

    private static void reply(PrintWriter out, String text) {
        out.print(text + "\r\n");
        out.flush();
    }
}
