import Foundation
import PartnerDeskDomain
import PartnerDeskTestSupport
import Testing

@Suite struct AttachmentFileNameTests {
    private func sanitise(_ name: String?, _ format: ScreenshotFormat = .png) -> String {
        AttachmentFileName(sanitizing: name, format: format).value
    }

    @Test func init_whenNameIsOrdinary_keepsIt() {
        #expect(sanitise("Login error 2024-05-01.png") == "Login error 2024-05-01.png")
        #expect(sanitise("Screenshot.JPG", .jpeg) == "Screenshot.JPG")
        #expect(sanitise("capture.jpeg", .jpeg) == "capture.jpeg")
        #expect(sanitise("capture.webp", .webp) == "capture.webp")
    }

    @Test func init_whenNameHasPathComponents_keepsOnlyTheLastOne() {
        #expect(sanitise("C:\\Users\\jane\\Desktop\\error.png") == "error.png")
        #expect(sanitise("../../etc/passwd") == "passwd.png")
        #expect(sanitise("/var/tmp/shot.png") == "shot.png")
        #expect(sanitise("folder/..\\mixed/name.png") == "name.png")
    }

    @Test func init_whenNameHasControlOrInvisibleCharacters_removesThem() {
        #expect(sanitise("bad\u{0}na\u{7}me\u{7F}.png") == "badname.png")
        #expect(sanitise("line one\r\n\tline two.png") == "line one line two.png")
        #expect(sanitise("invoice\u{202E}gnp.exe") == "invoicegnp.exe.png")
        #expect(sanitise("zero\u{200B}width\u{2028}.png") == "zerowidth.png")
        #expect(sanitise("  padded   name  .png  ") == "padded name.png")
    }

    @Test func init_whenExtensionDoesNotMatchTheBytes_appendsTheRealOne() {
        #expect(sanitise("report.html") == "report.html.png")
        #expect(sanitise("photo.png", .jpeg) == "photo.png.jpg")
        #expect(sanitise("no extension", .webp) == "no extension.webp")
        #expect(sanitise(".bashrc") == ".bashrc.png")
        #expect(sanitise(".png") == "screenshot.png")
        #expect(sanitise(".png", .jpeg) == ".png.jpg")
    }

    @Test(arguments: [nil, "", "   ", "/", "folder/", "..", "...", "\u{0}\u{1}", "\u{202E}"])
    func init_whenNothingReadableRemains_fallsBackToScreenshot(name: String?) {
        #expect(sanitise(name) == "screenshot.png")
        #expect(sanitise(name, .jpeg) == "screenshot.jpg")
        #expect(sanitise(name, .webp) == "screenshot.webp")
    }

    @Test func init_whenNameIsTooLong_shortensTheStemAndKeepsTheExtension() {
        let long = sanitise(String(repeating: "a", count: 300) + ".png")
        let noExtension = sanitise(String(repeating: "b", count: 300), .jpeg)

        #expect(long.count == 100)
        #expect(long.hasSuffix("a.png"))
        #expect(noExtension.count == 100)
        #expect(noExtension.hasSuffix("b.jpg"))
    }

    @Test func init_whenCharactersAreWide_staysWithinTheByteBudget() {
        let accents = sanitise(String(repeating: "\u{E9}", count: 150) + ".png")
        let emoji = sanitise(String(repeating: "\u{1F469}\u{200D}\u{1F4BB}", count: 100) + ".png")
        let zalgo = sanitise("a" + String(repeating: "\u{0301}", count: 300) + ".png")

        #expect(accents.count <= AttachmentFileName.maxCharacters)
        #expect(accents.utf8.count <= AttachmentFileName.maxUTF8Bytes)
        #expect(accents.hasSuffix(".png"))
        #expect(emoji.utf8.count <= AttachmentFileName.maxUTF8Bytes)
        #expect(emoji.hasSuffix(".png"))
        #expect(zalgo == "screenshot.png")
    }

    @Test func init_normalisesToComposedForm() {
        let decomposed = sanitise("cafe\u{301}.png")

        #expect(Array(decomposed.unicodeScalars) == Array("caf\u{E9}.png".unicodeScalars))
    }

    @Test func description_isTheValue() {
        let name = AttachmentFileName(sanitizing: "x.png", format: .png)

        #expect(name.description == "x.png")
        #expect("\(name)" == "x.png")
    }
}
