package org.openencoder.accounts.mail;

import java.util.concurrent.Executor;
import org.openencoder.accounts.AccountProperties;
import org.openencoder.accounts.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.task.TaskExecutor;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends account emails over SMTP ({@code spring.mail.host}, {@code _PORT}, {@code _USERNAME},
 * {@code _PASSWORD}) on a background thread. Without an SMTP host it logs that the email could not
 * be sent (and to whom), never the link itself.
 */
@Component
class SmtpMailer implements Mailer {

  private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);

  private final ObjectProvider<JavaMailSender> sender;
  private final Executor executor;
  private final AccountProperties properties;

  SmtpMailer(
      ObjectProvider<JavaMailSender> sender, TaskExecutor executor, AccountProperties properties) {
    this.sender = sender;
    this.executor = executor;
    this.properties = properties;
  }

  @Override
  public void send(String to, String subject, String body) {
    JavaMailSender smtp = sender.getIfAvailable();
    if (smtp == null) {
      log.warn("No SMTP server (spring.mail.host): the email '{}' to {} was not sent", subject, to);
      return;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(properties.mailFrom());
    message.setTo(to);
    message.setSubject(subject);
    message.setText(body);
    executor.execute(
        () -> {
          try {
            smtp.send(message);
          } catch (MailException e) {
            log.error("Could not send '{}' to {}: {}", subject, to, e.getMessage());
          }
        });
  }
}
