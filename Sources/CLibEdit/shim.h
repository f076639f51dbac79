// libedit for Swift. The readline-compatible API is used (see
// LIBEDIT-NOTES.md); Swift 6 rejects direct access to libedit's mutable C
// globals, so they are reached through these inline setters.
#ifndef CLIBEDIT_SHIM_H
#define CLIBEDIT_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <locale.h>
#include <editline/readline.h>

static inline void clibedit_rl_set_attempted_completion(rl_completion_func_t *fn) {
    rl_attempted_completion_function = fn;
}
static inline void clibedit_rl_set_completion_over(int on) { rl_attempted_completion_over = on; }
static inline void clibedit_rl_set_readline_name(const char *name) { rl_readline_name = name; }
static inline void clibedit_rl_set_completion_append_character(int c) { rl_completion_append_character = c; }
static inline const char *clibedit_rl_line_buffer(void) { return rl_line_buffer; }
static inline void clibedit_rl_set_basic_word_break_characters(const char *s) { rl_basic_word_break_characters = (char *)s; }
#endif
