// Another program: its profile counts none of workload.cpp's lines.
int main(int argc, char **) { return argc > 1; }
