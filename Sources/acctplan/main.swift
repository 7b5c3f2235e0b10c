import AcctplanCLI
import Foundation

exit(AcctplanCommand.run(Array(CommandLine.arguments.dropFirst())))
