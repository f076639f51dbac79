import CLibXML2

/// A parsed HTML page or XML part as a plain Swift tree, so the front-ends
/// walk values instead of libxml2 pointers.
///
/// Parsing goes through libxml2 (a real HTML parser: tag soup, implied end
/// tags, entities), never the network (`NONET`), never external entities.
/// The tree is at most ``maximumDepth`` deep: deeper elements are folded into
/// their ancestor at that depth (their text kept), so the recursive walks of
/// the front-ends cannot overflow the stack on a hostile file.
struct MarkupNode: Sendable {
    /// Local element name, lower-cased for HTML (`td`, `w:tc` → `tc`); empty
    /// for a text node.
    var name: String
    /// The element's namespace URI (Word's `w:` elements), nil in HTML.
    var namespace: String?
    /// Attributes by local name (`w:val` → `val`), values as printed.
    var attributes: [String: String]
    /// The text of a text node; empty for elements.
    var text: String
    /// 1-based source line where libxml2 saw the node (0 when unknown).
    var line: Int
    var children: [MarkupNode]

    var isText: Bool { name.isEmpty }

    /// The first child element with this local name.
    func child(_ name: String) -> MarkupNode? { children.first { $0.name == name } }

    /// Child elements with this local name.
    func children(_ name: String) -> [MarkupNode] { children.filter { $0.name == name } }

    /// The concatenated text of every text node below.
    var allText: String {
        if isText { return text }
        return children.map(\.allText).joined()
    }

    /// Deeper elements are folded into their ancestor at this depth: above
    /// libxml2's own limit (256 levels without `HUGE`), so a page libxml2
    /// reads keeps its structure, and low enough for the recursive walks.
    static let maximumDepth = 300
}

/// Parses bytes with libxml2 into a ``MarkupNode`` tree.
enum MarkupParser {
    enum Flavour { case html, xml }

    /// The root element of `bytes`, or nil when libxml2 finds no element.
    /// HTML is given as UTF-8 (the caller decodes); its own `<meta charset>`
    /// is ignored so a page decoded from GB18030 is not decoded twice.
    static func parse(_ bytes: [UInt8], flavour: Flavour) -> MarkupNode? {
        guard !bytes.isEmpty, bytes.count <= Int(Int32.max) else { return nil }
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                switch flavour {
                case .html:
                    let options =
                        Int32(HTML_PARSE_RECOVER.rawValue) | Int32(HTML_PARSE_NOERROR.rawValue)
                        | Int32(HTML_PARSE_NOWARNING.rawValue) | Int32(HTML_PARSE_NONET.rawValue)
                        | Int32(HTML_PARSE_IGNORE_ENC.rawValue)
                    return htmlReadMemory(chars, Int32(buffer.count), nil, "UTF-8", options)
                case .xml:
                    let options =
                        Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_NOERROR.rawValue)
                        | Int32(XML_PARSE_NOWARNING.rawValue) | Int32(XML_PARSE_NOCDATA.rawValue)
                    return xmlReadMemory(chars, Int32(buffer.count), nil, nil, options)
                }
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return nil }
        return convert(root, lowercased: flavour == .html)
    }

    /// Converts with an explicit stack (no recursion on the input's depth).
    private static func convert(_ root: xmlNodePtr, lowercased: Bool) -> MarkupNode {
        // Each frame: the node being built and the libxml2 child to visit next.
        var stack: [(node: MarkupNode, next: xmlNodePtr?)] = [(element(root, lowercased), root.pointee.children)]
        while true {
            guard let current = stack[stack.count - 1].next else {
                let finished = stack.removeLast().node
                if stack.isEmpty { return finished }
                stack[stack.count - 1].node.children.append(finished)
                continue
            }
            stack[stack.count - 1].next = current.pointee.next
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let text = current.pointee.content.map { String(cString: $0) } ?? ""
                stack[stack.count - 1].node.children.append(
                    MarkupNode(
                        name: "", namespace: nil, attributes: [:], text: text, line: Int(xmlGetLineNo(current)),
                        children: []))
            case XML_ELEMENT_NODE:
                if stack.count >= MarkupNode.maximumDepth {
                    let text = xmlNodeGetContent(current).map { pointer in
                        defer { clibxml2_free(pointer) }
                        return String(cString: pointer)
                    }
                    stack[stack.count - 1].node.children.append(
                        MarkupNode(
                            name: "", namespace: nil, attributes: [:], text: text ?? "",
                            line: Int(xmlGetLineNo(current)), children: []))
                } else {
                    stack.append((element(current, lowercased), current.pointee.children))
                }
            default:
                continue
            }
        }
    }

    private static func element(_ node: xmlNodePtr, _ lowercased: Bool) -> MarkupNode {
        let raw = node.pointee.name.map { String(cString: $0) } ?? ""
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = current.pointee.name.map { String(cString: $0) } ?? ""
            if let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) {
                attributes[lowercased ? name.lowercased() : name] = String(cString: value)
                clibxml2_free(value)
            }
            attribute = current.pointee.next
        }
        return MarkupNode(
            name: lowercased ? raw.lowercased() : raw,
            namespace: node.pointee.ns?.pointee.href.map { String(cString: $0) }, attributes: attributes, text: "",
            line: Int(xmlGetLineNo(node)), children: [])
    }
}
