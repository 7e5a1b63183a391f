package no.engagement.registry.web;

import jakarta.servlet.http.HttpServletResponse;
import no.engagement.registry.deployment.UnknownCodeException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Bad input is a 400 page that names the parameter and the reason; an unknown code a 404 page that
 * names the code. Never a stack trace.
 */
@ControllerAdvice
class ErrorPages {

  private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);
  private final MessageSource messages;
  private final org.springframework.util.unit.DataSize uploadLimit;

  ErrorPages(
      MessageSource messages,
      @org.springframework.beans.factory.annotation.Value(
              "${spring.servlet.multipart.max-request-size}")
          org.springframework.util.unit.DataSize uploadLimit) {
    this.messages = messages;
    this.uploadLimit = uploadLimit;
  }

  @ExceptionHandler(BadParameterException.class)
  ModelAndView badParameter(BadParameterException e, HttpServletResponse response) {
    response.setStatus(400);
    var locale = LocaleContextHolder.getLocale();
    String reason = messages.getMessage(e.reasonKey(), e.args(), locale);
    String text =
        messages.getMessage("error.param", new Object[] {e.parameter(), e.value(), reason}, locale);
    var mv = page(400, text);
    mv.addObject("parameter", e.parameter());
    return mv;
  }

  @ExceptionHandler(ServiceBusyException.class)
  ModelAndView busy(ServiceBusyException e, HttpServletResponse response) {
    response.setStatus(503);
    response.setHeader("Retry-After", "60");
    return page(503, messages.getMessage(e.messageKey(), null, LocaleContextHolder.getLocale()));
  }

  /** A chunked request body that went past the upload limit while it was read. */
  @ExceptionHandler(RequestLimits.BodyTooLargeException.class)
  ModelAndView tooLarge(HttpServletResponse response) {
    response.setStatus(413);
    response.setHeader("Connection", "close");
    var mv = page(413, null);
    mv.addObject("uploadLimitMb", uploadLimit.toMegabytes());
    return mv;
  }

  @ExceptionHandler(UnknownCodeException.class)
  ModelAndView unknownCode(UnknownCodeException e, HttpServletResponse response) {
    response.setStatus(404);
    var locale = LocaleContextHolder.getLocale();
    String text =
        messages.getMessage("error.unknown.code", new Object[] {e.parameter(), e.code()}, locale);
    var mv = page(404, text);
    mv.addObject("parameter", e.parameter());
    return mv;
  }

  @ExceptionHandler(NotFoundException.class)
  ModelAndView notFound(NotFoundException e, HttpServletResponse response) {
    response.setStatus(404);
    var locale = LocaleContextHolder.getLocale();
    return page(404, messages.getMessage("error.not.found", new Object[] {e.getMessage()}, locale));
  }

  /**
   * The database is down, the pool is exhausted or a statement ran past its timeout: a 503 page
   * within seconds, never a hanging request. Any other database error is a 500 page; neither shows
   * SQL or an exception message.
   */
  @ExceptionHandler({
    org.springframework.dao.DataAccessException.class,
    org.springframework.transaction.TransactionException.class
  })
  ModelAndView database(Exception e, HttpServletResponse response) throws Exception {
    if (response.isCommitted()) {
      // a stream (a download) broke after its first bytes: no page may follow them. Thrown on,
      // the container aborts the connection, so the client never gets a shorter file that looks
      // complete.
      throw e;
    }
    // a download may have set its headers and taken the output stream: the page replaces both
    response.reset();
    if (unavailable(e)) {
      log.warn("Database unavailable: {}", rootMessage(e).replaceAll("[\\r\\n]+", " "));
      response.setStatus(503);
      response.setHeader("Retry-After", "10");
      return page(503, null);
    }
    log.error("Database error", e);
    response.setStatus(500);
    return page(500, null);
  }

  /** A connection that could not be had or was lost (SQLSTATE class 08, 57P0x), or a timeout. */
  static boolean unavailable(Throwable e) {
    if (e instanceof org.springframework.transaction.TransactionSystemException tse
        && tse.getApplicationException() != null
        && unavailable(tse.getApplicationException())) {
      return true; // the rollback failed too, since the connection was gone
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException
          || t instanceof java.net.ConnectException
          || t instanceof org.springframework.dao.QueryTimeoutException
          || t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
          || t instanceof org.springframework.dao.DataAccessResourceFailureException) {
        return true;
      }
      if (t instanceof java.sql.SQLException s && s.getSQLState() != null) {
        String state = s.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P") || state.equals("57014")) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  /**
   * The error page, or for the open interfaces (a {@code .json} route, a feed, the catalogue) the
   * same words as an RFC 9457 problem in JSON: {@code status}, {@code title}, {@code detail} and,
   * for bad input, the {@code parameter}.
   */
  private static ModelAndView page(int status, @Nullable String text) {
    var attributes =
        (org.springframework.web.context.request.ServletRequestAttributes)
            org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
    boolean json =
        attributes != null && OpenDataFilter.isOpenData(attributes.getRequest().getRequestURI());
    ModelAndView mv;
    if (json) {
      var view = new org.springframework.web.servlet.view.json.JacksonJsonView();
      view.setContentType("application/problem+json");
      view.setExtractValueFromSingleKeyModel(false);
      mv = new ModelAndView(view);
      var reason = org.springframework.http.HttpStatus.resolve(status);
      mv.addObject("title", reason == null ? "Error" : reason.getReasonPhrase());
    } else {
      mv = new ModelAndView("error");
    }
    mv.addObject("status", status);
    if (text != null || !json) {
      mv.addObject("detail", text);
    }
    return mv;
  }
}
