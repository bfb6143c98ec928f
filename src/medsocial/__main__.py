from medsocial.cli import main

main()
