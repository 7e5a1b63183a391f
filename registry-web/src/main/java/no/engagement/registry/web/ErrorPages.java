package no.engagement.registry.web;

import jakarta.servlet.http.HttpServletResponse;
import no.engagement.registry.deployment.UnknownCodeException;
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

  private final MessageSource messages;

  ErrorPages(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(BadParameterException.class)
  ModelAndView badParameter(BadParameterException e, HttpServletResponse response) {
    response.setStatus(400);
    var locale = LocaleContextHolder.getLocale();
    String reason = messages.getMessage(e.reasonKey(), e.args(), locale);
    String text =
        messages.getMessage("error.param", new Object[] {e.parameter(), e.value(), reason}, locale);
    return page(400, text);
  }

  @ExceptionHandler(UnknownCodeException.class)
  ModelAndView unknownCode(UnknownCodeException e, HttpServletResponse response) {
    response.setStatus(404);
    var locale = LocaleContextHolder.getLocale();
    String text =
        messages.getMessage("error.unknown.code", new Object[] {e.parameter(), e.code()}, locale);
    return page(404, text);
  }

  @ExceptionHandler(NotFoundException.class)
  ModelAndView notFound(NotFoundException e, HttpServletResponse response) {
    response.setStatus(404);
    var locale = LocaleContextHolder.getLocale();
    return page(404, messages.getMessage("error.not.found", new Object[] {e.getMessage()}, locale));
  }

  private static ModelAndView page(int status, String text) {
    var mv = new ModelAndView("error");
    mv.addObject("status", status);
    mv.addObject("detail", text);
    return mv;
  }
}
