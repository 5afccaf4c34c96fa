// Body blocks for the admin's rich-text editor (django-prose-editor, Tiptap): figures from the image
// library, embeds from a pasted link, pull quotes and SEE ALSO callouts. Each is stored in the shape
// the sanitizer keeps (articles/sanitizer.py) and the reader page renders (articles/blocks.py):
//   <figure data-image="12"></figure>
//   <figure data-embed="youtube" data-url="https://youtu.be/…"></figure>
//   <aside class="pullquote"><p>…</p></aside>
//   <aside data-see-also="34"></aside>
// Addresses and words come from the server (articles/forms.py), in the admin's language.
import { Extension, Node, crel, mergeAttributes, pm } from "django-prose-editor/editor"

const csrfToken = () => document.querySelector("[name=csrfmiddlewaretoken]")?.value || ""

const getJSON = async (url, params) => {
  const query = new URLSearchParams(params).toString()
  const response = await fetch(`${url}?${query}`, {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  })
  if (!response.ok) throw new Error(`${response.status}`)
  return response.json()
}

// One modal dialog of our own: `build(dialog, close)` fills it; resolves with what close() is given.
const openDialog = (editor, title, build) =>
  new Promise((resolve) => {
    const dialog = crel("dialog", { className: "prose-editor-dialog newsroom-dialog" })
    const heading = crel("h3", { className: "prose-editor-dialog-title", textContent: title })
    dialog.append(heading)
    let result = null
    const close = (value) => {
      result = value
      dialog.close()
    }
    dialog.addEventListener("close", () => {
      dialog.remove()
      resolve(result)
    })
    build(dialog, close)
    editor.view.dom.parentElement.append(dialog)
    dialog.showModal()
  })

const field = (labelText, input, help) => {
  const children = [crel("label", { htmlFor: input.id, textContent: labelText }), input]
  if (help) children.push(crel("p", { className: "prose-editor-help newsroom-help", textContent: help }))
  return crel("div", { className: "prose-editor-dialog-field" }, children)
}

let uid = 0
const inputId = () => `newsroom-block-${++uid}`

const buttonRow = (...buttons) => crel("div", { className: "prose-editor-dialog-buttons" }, buttons)

// A small preview in the editor of a block that is rendered elsewhere; not editable in place.
const blockView = (className, children) =>
  crel("div", { className: `newsroom-block ${className}`, contentEditable: "false" }, children)

// Inserts a block at the cursor and puts the cursor in a paragraph after it, so that the next thing
// typed or inserted follows the block instead of replacing it.
const insertBlock = (editor, content) =>
  editor
    .chain()
    .focus()
    .insertContent(content)
    .command(({ tr }) => {
      const { selection } = tr
      const after = selection.node ? selection.to : null
      if (after === null) return true
      const next = tr.doc.nodeAt(after)
      if (!next || next.type.name !== "paragraph") {
        tr.insert(after, tr.doc.type.schema.nodes.paragraph.create())
      }
      tr.setSelection(pm.state.TextSelection.create(tr.doc, after + 1))
      return true
    })
    .run()

/* Figures from the image library */

const imageCache = new Map()

const fetchImage = (url, id) => {
  if (!imageCache.has(id)) {
    imageCache.set(
      id,
      getJSON(url, { ids: id })
        .then((data) => data.results[0] || null)
        .catch(() => null),
    )
  }
  return imageCache.get(id)
}

const imageSummary = (image, labels) => {
  const parts = [crel("img", { src: image.thumbnail, alt: "", width: 160 })]
  const text = crel("div", { className: "newsroom-block__text" }, [
    crel("strong", { textContent: labels.alt }),
    ` ${image.alt}`,
  ])
  if (image.caption) text.append(crel("br"), crel("strong", { textContent: labels.caption }), ` ${image.caption}`)
  if (image.credit) text.append(crel("br"), crel("strong", { textContent: labels.credit }), ` ${image.credit}`)
  parts.push(text)
  return parts
}

const chooseImage = (editor, options) =>
  openDialog(editor, options.labels.title, (dialog, close) => {
    const labels = options.labels
    // Choose from the library.
    const search = crel("input", { id: inputId(), type: "search", name: "image-search", autocomplete: "off" })
    const results = crel("div", { className: "newsroom-image-results", role: "list" })
    const status = crel("p", { className: "newsroom-help", role: "status" })
    const showResults = async () => {
      let data
      try {
        data = await getJSON(options.pickerUrl, { q: search.value })
      } catch {
        status.textContent = labels.failed
        return
      }
      results.replaceChildren(
        ...data.results.map((image) => {
          const choose = crel("button", { type: "button", className: "newsroom-image-choice" }, [
            crel("img", { src: image.thumbnail, alt: "", width: 120 }),
            crel("span", { textContent: image.alt }),
          ])
          choose.addEventListener("click", () => {
            imageCache.set(String(image.id), Promise.resolve(image))
            close({ image: String(image.id) })
          })
          return crel("div", { role: "listitem" }, [choose])
        }),
      )
      status.textContent = data.results.length ? "" : labels.noResults
    }
    let timer
    search.addEventListener("input", () => {
      clearTimeout(timer)
      timer = setTimeout(showResults, 250)
    })
    search.addEventListener("keydown", (event) => {
      if (event.key === "Enter") event.preventDefault()
    })
    const library = crel("section", { className: "newsroom-dialog-part" }, [
      crel("h4", { textContent: labels.library }),
      field(labels.search, search),
      status,
      results,
    ])

    // Or upload a new one, with the words that travel with it.
    const inputs = {}
    const upload = crel("form", { className: "newsroom-dialog-part newsroom-upload", noValidate: true }, [
      crel("h4", { textContent: labels.upload }),
    ])
    const errors = {}
    for (const [name, text, type, required, help] of [
      ["file", labels.file, "file", true, labels.fileHelp],
      ["alt_text", labels.alt, "text", true, labels.altHelp],
      ["alt_text_es", labels.altEs, "text", false, ""],
      ["caption", labels.caption, "text", false, ""],
      ["caption_es", labels.captionEs, "text", false, ""],
      ["credit", labels.credit, "text", false, ""],
    ]) {
      const input = crel("input", { id: inputId(), name, type, required })
      if (type === "file") input.accept = "image/jpeg,image/png,image/webp"
      inputs[name] = input
      errors[name] = crel("p", { className: "errornote newsroom-error", hidden: true })
      const row = field(required ? `${text} *` : text, input, help)
      row.append(errors[name])
      upload.append(row)
    }
    const formError = crel("p", { className: "errornote newsroom-error", hidden: true })
    const send = crel("button", { type: "submit", textContent: labels.uploadInsert })
    upload.append(formError, buttonRow(send))
    upload.addEventListener("submit", async (event) => {
      event.preventDefault()
      for (const element of [formError, ...Object.values(errors)]) element.hidden = true
      const body = new FormData(upload)
      send.disabled = true
      let data
      let response
      try {
        response = await fetch(options.uploadUrl, {
          method: "POST",
          body,
          credentials: "same-origin",
          headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
        })
        data = await response.json()
      } catch {
        data = { errors: { __all__: [labels.failed] } }
      }
      send.disabled = false
      if (response?.ok && data.image) {
        imageCache.set(String(data.image.id), Promise.resolve(data.image))
        close({ image: String(data.image.id) })
        return
      }
      for (const [name, messages] of Object.entries(data.errors || {})) {
        const target = errors[name] || formError
        target.textContent = messages.join(" ")
        target.hidden = false
      }
    })

    const cancel = crel("button", { type: "button", textContent: labels.cancel })
    cancel.addEventListener("click", () => close(null))
    dialog.append(library, upload, buttonRow(cancel))
    showResults()
  })

export const LibraryFigure = Node.create({
  name: "libraryFigure",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { pickerUrl: "", uploadUrl: "", labels: {} }
  },

  addAttributes() {
    return {
      image: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-image"),
        renderHTML: (attributes) => ({ "data-image": attributes.image }),
      },
    }
  },

  parseHTML() {
    return [{ tag: "figure[data-image]" }]
  },

  renderHTML({ HTMLAttributes }) {
    return ["figure", mergeAttributes(HTMLAttributes)]
  },

  addNodeView() {
    return ({ node }) => {
      const labels = this.options.labels
      const dom = blockView("newsroom-block--figure", [crel("p", { textContent: labels.loading })])
      dom.dataset.image = node.attrs.image
      fetchImage(this.options.pickerUrl, node.attrs.image).then((image) => {
        dom.replaceChildren(
          ...(image ? imageSummary(image, labels) : [crel("p", { textContent: labels.missing })]),
        )
      })
      return { dom }
    }
  },

  addCommands() {
    return {
      insertLibraryFigure:
        () =>
        ({ editor }) => {
          chooseImage(editor, this.options).then((attrs) => {
            if (attrs) insertBlock(editor, { type: this.name, attrs })
          })
          return true
        },
    }
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "libraryFigure",
      groups: "nodes",
      command: (editor) => editor.commands.insertLibraryFigure(),
      button: buttons.material("add_photo_alternate", this.options.labels.button),
    })
  },
})

/* Embeds from a pasted link */

const chooseEmbed = (editor, options) =>
  openDialog(editor, options.labels.title, (dialog, close) => {
    const labels = options.labels
    const form = crel("form", { noValidate: true })
    const url = crel("input", { id: inputId(), name: "url", type: "url", required: true, size: 60 })
    const error = crel("p", { className: "errornote newsroom-error", hidden: true, role: "alert" })
    const insert = crel("button", { type: "submit", textContent: labels.insert })
    const cancel = crel("button", { type: "button", textContent: labels.cancel })
    cancel.addEventListener("click", () => close(null))
    form.append(field(labels.url, url, labels.help), error, buttonRow(insert, cancel))
    form.addEventListener("submit", async (event) => {
      event.preventDefault()
      error.hidden = true
      let data
      try {
        data = await getJSON(options.checkUrl, { url: url.value })
      } catch {
        data = { error: labels.failed }
      }
      if (data.error) {
        error.textContent = data.error
        error.hidden = false
        url.focus()
        return
      }
      close({ provider: data.provider, url: data.url, label: data.label })
    })
    dialog.append(form)
  })

export const Embed = Node.create({
  name: "embed",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { checkUrl: "", labels: {}, providers: {} }
  },

  addAttributes() {
    return {
      provider: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-embed"),
        renderHTML: (attributes) => ({ "data-embed": attributes.provider }),
      },
      url: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-url"),
        renderHTML: (attributes) => ({ "data-url": attributes.url }),
      },
    }
  },

  parseHTML() {
    return [{ tag: "figure[data-url]" }]
  },

  renderHTML({ HTMLAttributes }) {
    return ["figure", mergeAttributes(HTMLAttributes)]
  },

  addNodeView() {
    return ({ node }) => {
      const label = this.options.providers[node.attrs.provider] || node.attrs.provider
      return {
        dom: blockView("newsroom-block--embed", [
          crel("strong", { textContent: `${this.options.labels.embed} · ${label}` }),
          crel("br"),
          crel("span", { textContent: node.attrs.url }),
        ]),
      }
    }
  },

  addCommands() {
    return {
      insertEmbed:
        () =>
        ({ editor }) => {
          chooseEmbed(editor, this.options).then((attrs) => {
            if (attrs) insertBlock(editor, { type: this.name, attrs: { provider: attrs.provider, url: attrs.url } })
          })
          return true
        },
    }
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "embed",
      groups: "nodes",
      command: (editor) => editor.commands.insertEmbed(),
      button: buttons.material("video_library", this.options.labels.button),
    })
  },
})

/* Pull quotes */

export const PullQuote = Node.create({
  name: "pullQuote",
  group: "block",
  content: "paragraph+",
  defining: true,

  addOptions() {
    return { labels: {} }
  },

  parseHTML() {
    return [{ tag: "aside.pullquote" }]
  },

  renderHTML() {
    return ["aside", { class: "pullquote" }, 0]
  },

  addCommands() {
    return {
      togglePullQuote:
        () =>
        ({ commands }) =>
          commands.toggleWrap(this.name),
    }
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "pullQuote",
      groups: "nodes",
      command: (editor) => editor.chain().focus().togglePullQuote().run(),
      button: buttons.material("campaign", this.options.labels.button),
      active: (editor) => editor.isActive(this.name),
      enabled: (editor) => editor.can().togglePullQuote(),
    })
  },
})

/* SEE ALSO callouts */

const articleCache = new Map()

const fetchArticle = (url, id) => {
  if (!articleCache.has(id)) {
    articleCache.set(
      id,
      getJSON(url, { ids: id })
        .then((data) => data.results[0] || null)
        .catch(() => null),
    )
  }
  return articleCache.get(id)
}

const chooseArticle = (editor, options) =>
  openDialog(editor, options.labels.title, (dialog, close) => {
    const labels = options.labels
    const search = crel("input", { id: inputId(), type: "search", name: "article-search", autocomplete: "off" })
    const results = crel("div", { className: "newsroom-article-results", role: "list" })
    const status = crel("p", { className: "newsroom-help", role: "status" })
    const showResults = async () => {
      let data
      try {
        data = await getJSON(options.lookupUrl, { q: search.value })
      } catch {
        status.textContent = labels.failed
        return
      }
      results.replaceChildren(
        ...data.results.map((article) => {
          const choose = crel("button", {
            type: "button",
            className: "newsroom-article-choice",
            textContent: `${article.title} (${article.language.toUpperCase()}, ${article.status})`,
          })
          choose.addEventListener("click", () => {
            articleCache.set(String(article.id), Promise.resolve(article))
            close({ article: String(article.id) })
          })
          return crel("div", { role: "listitem" }, [choose])
        }),
      )
      status.textContent = data.results.length ? "" : labels.noResults
    }
    let timer
    search.addEventListener("input", () => {
      clearTimeout(timer)
      timer = setTimeout(showResults, 250)
    })
    search.addEventListener("keydown", (event) => {
      if (event.key === "Enter") event.preventDefault()
    })
    const cancel = crel("button", { type: "button", textContent: labels.cancel })
    cancel.addEventListener("click", () => close(null))
    dialog.append(field(labels.search, search, labels.help), status, results, buttonRow(cancel))
    showResults()
  })

export const SeeAlso = Node.create({
  name: "seeAlso",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { lookupUrl: "", labels: {} }
  },

  addAttributes() {
    return {
      article: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-see-also"),
        renderHTML: (attributes) => ({ "data-see-also": attributes.article }),
      },
    }
  },

  parseHTML() {
    return [{ tag: "aside[data-see-also]" }]
  },

  renderHTML({ HTMLAttributes }) {
    return ["aside", mergeAttributes(HTMLAttributes)]
  },

  addNodeView() {
    return ({ node }) => {
      const labels = this.options.labels
      const title = crel("span", { textContent: labels.loading })
      const dom = blockView("newsroom-block--see-also", [crel("strong", { textContent: `${labels.label} ` }), title])
      fetchArticle(this.options.lookupUrl, node.attrs.article).then((article) => {
        title.textContent = article ? `${article.title} (${article.status})` : labels.missing
      })
      return { dom }
    }
  },

  addCommands() {
    return {
      insertSeeAlso:
        () =>
        ({ editor }) => {
          chooseArticle(editor, this.options).then((attrs) => {
            if (attrs) insertBlock(editor, { type: this.name, attrs })
          })
          return true
        },
    }
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "seeAlso",
      groups: "nodes",
      command: (editor) => editor.commands.insertSeeAlso(),
      button: buttons.material("read_more", this.options.labels.button),
    })
  },
})

/* The table buttons, named in the admin's language (the editor's own are in English only). */

export const TableLabels = Extension.create({
  name: "tableLabels",
  // Read after the Table extension, so this item replaces its "table" button.
  priority: 1,

  addOptions() {
    return { labels: {} }
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "table",
      groups: "table",
      command: (editor) => editor.chain().focus().insertTableWithOptions().run(),
      button: buttons.material("grid_on", this.options.labels.button),
    })
    // The table's own buttons (add a column, delete a row…), named in the admin's language too.
    const names = this.options.labels.items || {}
    for (const item of menu.items("table")) {
      const label = names[item.name]
      if (label && item.button) {
        item.button.title = label
        item.button.setAttribute("aria-label", label)
      }
    }
  },
})
