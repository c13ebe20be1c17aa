; Model output rendered as HTML without escaping.

; Markup(answer), mark_safe(answer), render_template_string(answer), gr.HTML(answer), components.html(answer)
(call
  function: (_) @callee
  arguments: (argument_list . (_) @html)
  (#not-match? @html "^([A-Za-z_][A-Za-z0-9_]*\\s*=[^=]|\\*)")
  (#resolves-to? @callee "markupsafe.Markup" "flask.Markup" "jinja2.Markup" "django.utils.safestring.mark_safe"
    "django.utils.html.mark_safe" "flask.render_template_string" "jinja2.Template" "gradio.HTML"
    "streamlit.components.v1.html" "IPython.display.HTML" "IPython.core.display.HTML"
    "fastapi.responses.HTMLResponse" "starlette.responses.HTMLResponse")
  (#tainted? @html "html" "model-output")) @match

; st.markdown(answer, unsafe_allow_html=True), st.write(answer, unsafe_allow_html=True)
((call
    function: (_) @callee
    arguments: (argument_list . (_) @html)
    (#resolves-to? @callee "streamlit.markdown" "streamlit.write" "streamlit.html" "streamlit.caption")
    (#tainted? @html "html" "model-output")) @match
  (#kwarg? @match "unsafe_allow_html" "True"))
